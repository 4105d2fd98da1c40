package dev.locus.server.tls;

import dev.locus.server.LocusServerException;
import dev.locus.wire.CertificatePin;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The API's TLS certificate chain (PEM, server certificate first) and private key (PEM, PKCS#8;
 * the older PKCS#1 / SEC 1 forms are read too), checked to belong together when loaded.
 *
 * @param chain the certificate chain, server certificate first (never empty)
 * @param key the server certificate's private key
 * @param source where they came from, for messages
 */
public record TlsCredentials(List<X509Certificate> chain, PrivateKey key, String source) {
    public TlsCredentials {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new LocusServerException("TLS certificate chain of " + source + " is empty");
        }
    }

    /**
     * Reads a certificate chain and its key.
     *
     * @throws LocusServerException naming the file and what is wrong (unreadable, no certificate,
     *     encrypted or unknown key, key not matching the certificate, certificate expired)
     */
    public static TlsCredentials load(Path certificateChainPem, Path privateKeyPem) {
        List<X509Certificate> chain;
        try (var in = Files.newInputStream(certificateChainPem)) {
            chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        } catch (IOException | CertificateException e) {
            throw new LocusServerException(
                    "--tls-cert " + certificateChainPem + ": cannot read PEM certificates: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new LocusServerException("--tls-cert " + certificateChainPem + " holds no PEM certificate");
        }
        try {
            chain.get(0).checkValidity();
        } catch (CertificateException e) {
            throw new LocusServerException(
                    "--tls-cert " + certificateChainPem + ": the server certificate is not valid" + " now ("
                            + chain.get(0).getNotBefore() + " .. "
                            + chain.get(0).getNotAfter() + ")",
                    e);
        }
        PrivateKey key = readKey(privateKeyPem);
        TlsCredentials c = new TlsCredentials(chain, key, certificateChainPem + " / " + privateKeyPem);
        c.checkKeyMatches(privateKeyPem);
        return c;
    }

    private static PrivateKey readKey(Path file) {
        Object parsed;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser pem = new PEMParser(r)) {
            parsed = pem.readObject();
        } catch (IOException e) {
            throw new LocusServerException(
                    "--tls-key " + file + ": cannot read a PEM private key: " + e.getMessage(), e);
        }
        try {
            JcaPEMKeyConverter convert = new JcaPEMKeyConverter();
            if (parsed instanceof PrivateKeyInfo info) {
                return convert.getPrivateKey(info);
            }
            if (parsed instanceof PEMKeyPair pair) {
                return convert.getKeyPair(pair).getPrivate();
            }
        } catch (IOException e) {
            throw new LocusServerException("--tls-key " + file + ": unusable private key: " + e.getMessage(), e);
        }
        throw new LocusServerException("--tls-key " + file + " must hold an unencrypted PEM private key"
                + " (-----BEGIN PRIVATE KEY-----, PKCS#8), got "
                + (parsed == null ? "no PEM object" : parsed.getClass().getSimpleName())
                + "; convert with: openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem");
    }

    /** Signs and verifies a probe, so a key from another certificate is refused at start. */
    private void checkKeyMatches(Path keyFile) {
        X509Certificate leaf = chain.get(0);
        String alg = switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default ->
                throw new LocusServerException("--tls-key " + keyFile + ": unsupported key algorithm "
                        + key.getAlgorithm() + " (use EC P-256, RSA or Ed25519)");
        };
        try {
            byte[] probe = "locus-tls-key-check".getBytes(StandardCharsets.US_ASCII);
            var s = java.security.Signature.getInstance(alg);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            var v = java.security.Signature.getInstance(alg);
            v.initVerify(leaf.getPublicKey());
            v.update(probe);
            if (!v.verify(sig)) {
                throw new LocusServerException("--tls-key " + keyFile + " is not the key of the certificate "
                        + leaf.getSubjectX500Principal().getName() + " in " + source);
            }
        } catch (GeneralSecurityException e) {
            throw new LocusServerException(
                    "--tls-key " + keyFile + " does not match the certificate in " + source + ": " + e.getMessage(), e);
        }
    }

    /** The server certificate (first of the chain). */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * The SHA-256 fingerprint of the server certificate, {@code sha256:<hex>}: what clients pin with
     * {@code --pin}.
     */
    public String fingerprint() {
        return CertificatePin.of(certificate()).toString();
    }

    /** An in-memory key store holding the key and chain under {@code password}. */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("locus-api", key, password, chain.toArray(new X509Certificate[0]));
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new LocusServerException("cannot hold the TLS key from " + source + ": " + e.getMessage(), e);
        }
    }
}
