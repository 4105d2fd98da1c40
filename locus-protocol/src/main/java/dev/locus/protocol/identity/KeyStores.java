package dev.locus.protocol.identity;

import dev.locus.protocol.ProtocolException;
import dev.locus.protocol.crypto.Ed25519Keys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/** PKCS#12 files holding one private key and its certificate chain under the alias {@value #ALIAS}. */
public final class KeyStores {
    public static final String ALIAS = "locus";

    private KeyStores() {}

    /** One key entry: the private key and its chain, leaf first. */
    public record Entry(PrivateKey privateKey, List<X509Certificate> chain) {
        public Entry {
            chain = List.copyOf(chain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("certificate chain must not be empty");
            }
        }

        public X509Certificate leaf() {
            return chain.get(0);
        }
    }

    /**
     * As {@link #write}, for a raw Ed25519 secret and its chain, leaf first.
     *
     * @throws IOException when the file cannot be written; refuses to overwrite an existing one
     */
    public static void writeEd25519(Path file, byte[] secret, List<X509Certificate> chain, char[] password)
            throws IOException {
        write(file, new Entry(Ed25519Keys.toPrivateKey(secret), chain), password);
    }

    /**
     * Writes a new PKCS#12 file readable only by its owner (written to a temporary file, then moved).
     *
     * @throws IOException when the file cannot be written; refuses to overwrite an existing one
     */
    public static void write(Path file, Entry entry, char[] password) throws IOException {
        if (Files.exists(file)) {
            throw new IOException("key store " + file + " already exists; refusing to overwrite a key");
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, entry.privateKey(), password, entry.chain().toArray(new Certificate[0]));
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".locus-key", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the temp file keeps the platform's default
                }
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    ks.store(out, password);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (GeneralSecurityException e) {
            throw new ProtocolException("cannot write PKCS#12 key store " + file, e);
        }
    }

    /**
     * Reads the entry of a PKCS#12 file.
     *
     * @throws IOException when the file is missing, not PKCS#12, or the password is wrong
     */
    public static Entry read(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            if (!ks.isKeyEntry(ALIAS)) {
                throw new IOException("key store " + file + " must hold a key entry named '" + ALIAS + "'");
            }
            PrivateKey key = (PrivateKey) ks.getKey(ALIAS, password);
            Certificate[] chain = ks.getCertificateChain(ALIAS);
            if (chain == null || chain.length == 0) {
                throw new IOException("key store " + file + " has no certificate chain for '" + ALIAS + "'");
            }
            return new Entry(
                    key, Arrays.stream(chain).map(c -> (X509Certificate) c).toList());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read PKCS#12 key store " + file + " (wrong password or damaged file)", e);
        }
    }
}
