package dev.locus.protocol.identity;

import dev.locus.protocol.ProtocolException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A device key inside a PKCS#11 token: ECDSA P-256 (what tokens commonly implement), generated in
 * the token as a sensitive, non-extractable object; signing happens in the token
 * (SHA256withECDSA). Thread-safe.
 */
public final class Pkcs11DeviceKey implements DeviceKey {
    private final Pkcs11Token token;
    private final PrivateKey handle;
    private final DeviceIdentity identity;
    private final ThreadLocal<Signature> signers;

    private Pkcs11DeviceKey(Pkcs11Token token, PrivateKey handle, DeviceIdentity identity) {
        this.token = token;
        this.handle = handle;
        this.identity = identity;
        this.signers = ThreadLocal.withInitial(() -> {
            try {
                Signature s = Signature.getInstance("SHA256withECDSA", token.provider());
                s.initSign(handle);
                return s;
            } catch (GeneralSecurityException e) {
                throw new ProtocolException("token '" + token.label() + "' cannot sign with SHA256withECDSA", e);
            }
        });
    }

    /**
     * Generates a P-256 key pair inside the token, has the CA certify it with serial and model, and
     * stores the certificate chain next to the key under {@code alias}. Stands in for the
     * manufacturer's provisioning step.
     */
    public static Pkcs11DeviceKey generate(
            Pkcs11Token token, String alias, CertificateAuthority ca, String serial, String model, Duration validity) {
        try {
            if (token.keyStore().containsAlias(alias)) {
                throw new ProtocolException("token '" + token.label() + "' already holds a key named '" + alias + "'");
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", token.provider());
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair kp = g.generateKeyPair();
            X509Certificate cert = ca.certifyDevice(
                    serial,
                    model,
                    SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded()),
                    validity);
            token.keyStore().setKeyEntry(alias, kp.getPrivate(), null, new Certificate[] {cert, ca.certificate()});
            return open(token, alias);
        } catch (GeneralSecurityException e) {
            throw new ProtocolException("cannot generate a device key in token '" + token.label() + "'", e);
        }
    }

    /** Opens the key stored under {@code alias}. */
    public static Pkcs11DeviceKey open(Pkcs11Token token, String alias) {
        try {
            KeyStore ks = token.keyStore();
            if (!ks.isKeyEntry(alias)) {
                throw new ProtocolException("token '" + token.label() + "' holds no key named '" + alias + "'");
            }
            PrivateKey key = (PrivateKey) ks.getKey(alias, null);
            X509Certificate cert = (X509Certificate) ks.getCertificate(alias);
            return new Pkcs11DeviceKey(token, key, Certificates.deviceIdentity(cert));
        } catch (GeneralSecurityException e) {
            throw new ProtocolException("cannot open key '" + alias + "' in token '" + token.label() + "'", e);
        }
    }

    /** Every device key in the token. */
    public static List<Pkcs11DeviceKey> openAll(Pkcs11Token token) {
        try {
            List<Pkcs11DeviceKey> keys = new ArrayList<>();
            for (String alias : java.util.Collections.list(token.keyStore().aliases())) {
                if (token.keyStore().isKeyEntry(alias)) {
                    keys.add(open(token, alias));
                }
            }
            return keys;
        } catch (GeneralSecurityException e) {
            throw new ProtocolException("cannot list keys of token '" + token.label() + "'", e);
        }
    }

    /** Whether the private key can be read out of the token (it must not: false for keys made here). */
    public boolean isExtractable() {
        return handle.getEncoded() != null;
    }

    @Override
    public DeviceIdentity identity() {
        return identity;
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature s = signers.get();
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new ProtocolException("token '" + token.label() + "' failed to sign for " + identity.serial(), e);
        }
    }

    @Override
    public String algorithm() {
        return "SHA256withECDSA";
    }

    /** The token session belongs to the {@link Pkcs11Token}; close that to log out. */
    @Override
    public void close() {
        signers.remove();
    }
}
