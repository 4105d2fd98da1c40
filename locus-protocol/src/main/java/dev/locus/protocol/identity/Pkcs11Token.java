package dev.locus.protocol.identity;

import dev.locus.protocol.ProtocolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;

/**
 * A PKCS#11 token (a hardware security module, TPM, or Debian's {@code softhsm2} for tests) opened
 * through the JDK's SunPKCS11 provider. Keys generated here are token objects marked sensitive and
 * non-extractable: the private key never leaves the token, only signatures do. Not thread-safe for
 * key generation; signing through {@link Pkcs11DeviceKey} is.
 */
public final class Pkcs11Token implements AutoCloseable {
    /** The token's key store, opened through (and naming) the token's provider. */
    private final KeyStore keyStore;

    private final String label;

    private Pkcs11Token(KeyStore keyStore, String label) {
        this.keyStore = keyStore;
        this.label = label;
    }

    /**
     * Logs in to the token in this slot.
     *
     * @param library the PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param slot the PKCS#11 slot id of the token (softhsm2-util --show-slots lists them)
     * @throws IOException when the module is missing, the token absent or the PIN wrong
     */
    public static Pkcs11Token open(Path library, long slot, char[] pin) throws IOException {
        String tokenLabel = "slot" + slot;
        if (!Files.isReadable(library)) {
            throw new IOException(
                    "PKCS#11 module " + library + " is not readable (for softhsm2: apt-get install -y softhsm2)");
        }
        if (!tokenLabel.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new IllegalArgumentException(
                    "token label must be 1..32 of A-Z a-z 0-9 . _ -, got '" + tokenLabel + "'");
        }
        String config = String.join(
                "\n",
                "--name = Locus-" + tokenLabel,
                "library = " + library.toAbsolutePath(),
                "slot = " + slot,
                "attributes(generate, CKO_PRIVATE_KEY, *) = {",
                "  CKA_TOKEN = true",
                "  CKA_PRIVATE = true",
                "  CKA_SENSITIVE = true",
                "  CKA_EXTRACTABLE = false",
                "}",
                "attributes(generate, CKO_PUBLIC_KEY, *) = {",
                "  CKA_TOKEN = true",
                "}");
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new IOException("this JDK has no SunPKCS11 provider");
        }
        try {
            Provider p = base.configure(config);
            KeyStore ks = KeyStore.getInstance("PKCS11", p);
            ks.load(null, pin);
            return new Pkcs11Token(ks, tokenLabel);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException("cannot log in to PKCS#11 token '" + tokenLabel + "' via " + library, e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** The SunPKCS11 provider configured for this token. */
    public Provider provider() {
        return keyStore.getProvider();
    }

    KeyStore keyStore() {
        return keyStore;
    }

    public String label() {
        return label;
    }

    @Override
    public void close() {
        try {
            if (provider() instanceof java.security.AuthProvider a) {
                a.logout();
            }
        } catch (javax.security.auth.login.LoginException e) {
            throw new ProtocolException("logout from token '" + label + "' failed", e);
        }
    }
}
