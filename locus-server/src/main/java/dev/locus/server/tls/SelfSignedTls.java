package dev.locus.server.tls;

import dev.locus.server.LocusServerException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed TLS certificate for the demo and embedded installations, kept in the data directory
 * ({@code tls-cert.pem}, {@code tls-key.pem}, both mode 600) and reused on later starts while valid.
 * Clients trust it by its fingerprint ({@code --pin sha256:...}) or by the certificate file itself
 * ({@code --ca-cert tls-cert.pem}); its names are {@code localhost}, {@code 127.0.0.1}, {@code ::1}
 * and any names given.
 */
public final class SelfSignedTls {
    /** The certificate file in the data directory. */
    public static final String CERT_FILE = "tls-cert.pem";
    /** The private key file in the data directory. */
    public static final String KEY_FILE = "tls-key.pem";

    private static final Duration LIFETIME = Duration.ofDays(825);

    private SelfSignedTls() {}

    /**
     * The data directory's self-signed credentials, generated (EC P-256) when absent or expired.
     *
     * @param extraNames more host names or IP addresses the certificate names
     * @throws LocusServerException when the files cannot be written or read
     */
    public static TlsCredentials ensure(Path dataDir, List<String> extraNames) {
        Path cert = dataDir.resolve(CERT_FILE);
        Path key = dataDir.resolve(KEY_FILE);
        if (Files.exists(cert) && Files.exists(key)) {
            try {
                return TlsCredentials.load(cert, key);
            } catch (LocusServerException e) {
                // expired or damaged: replaced below
            }
        }
        try {
            Files.createDirectories(dataDir);
            KeyPair pair = generateKeyPair();
            X509Certificate c = certificate(pair, names(extraNames));
            writePrivate(key, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            writePrivate(cert, pem("CERTIFICATE", c.getEncoded()));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new LocusServerException(
                    "cannot write a self-signed TLS certificate to " + dataDir + ": " + e.getMessage(), e);
        }
        return TlsCredentials.load(cert, key);
    }

    private static Set<String> names(List<String> extra) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        for (String n : extra) {
            if (!n.isBlank() && !n.equals("0.0.0.0") && !n.equals("::")) {
                names.add(n.strip());
            }
        }
        return names;
    }

    private static KeyPair generateKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return g.generateKeyPair();
    }

    private static X509Certificate certificate(KeyPair pair, Set<String> names)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=Locus control plane (self-signed)");
        var b = new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(127, new SecureRandom()),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(LIFETIME)),
                subject,
                pair.getPublic());
        List<GeneralName> san = new ArrayList<>();
        for (String n : names) {
            san.add(
                    isIpLiteral(n)
                            ? new GeneralName(GeneralName.iPAddress, n)
                            : new GeneralName(GeneralName.dNSName, n));
        }
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san.toArray(new GeneralName[0])));
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    }

    private static boolean isIpLiteral(String n) {
        return n.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (n.contains(":") && n.matches("[0-9a-fA-F:.]+"));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Writes {@code text} to a fresh file created mode 600 (no window where others may read it). */
    private static void writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " appeared while it was being replaced", e);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
