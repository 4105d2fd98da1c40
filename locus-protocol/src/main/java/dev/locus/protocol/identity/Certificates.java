package dev.locus.protocol.identity;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.ProtocolException;
import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.crypto.Fingerprint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Parsing, encoding and PEM files of X.509 certificates, and the Locus fields inside them. */
public final class Certificates {
    static final String ED25519_OID = "1.3.101.112";

    private Certificates() {}

    /**
     * Parses one DER certificate.
     *
     * @throws IllegalArgumentException when the bytes are not a certificate
     */
    public static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new IllegalArgumentException("certificate is not valid DER X.509 (" + der.length + " bytes)", e);
        }
    }

    /** The DER encoding. */
    public static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new ProtocolException("certificate cannot be encoded", e);
        }
    }

    public static Fingerprint fingerprint(X509Certificate certificate) {
        return Fingerprint.ofDer(der(certificate));
    }

    /** PEM text of the certificates, in order. */
    public static String toPem(X509Certificate... certificates) {
        StringBuilder sb = new StringBuilder();
        Base64.Encoder enc = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate c : certificates) {
            sb.append("-----BEGIN CERTIFICATE-----\n")
                    .append(enc.encodeToString(der(c)))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return sb.toString();
    }

    public static void writePem(Path file, X509Certificate... certificates) throws IOException {
        Files.writeString(file, toPem(certificates), StandardCharsets.US_ASCII);
    }

    /**
     * Reads every certificate of a file as the JDK's X.509 factory does (PEM blocks or DER), in
     * order; empty when it holds none.
     *
     * @throws IOException when the file cannot be read
     * @throws CertificateException when a certificate in it is broken
     */
    public static List<X509Certificate> readAll(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        }
    }

    /**
     * Reads every certificate of a PEM file.
     *
     * @throws IllegalArgumentException naming the file when it holds none or a broken one
     */
    public static List<X509Certificate> readPem(Path file) throws IOException {
        try {
            return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses every certificate of PEM text, in order.
     *
     * @throws IllegalArgumentException when the text holds none or a broken one
     */
    public static List<X509Certificate> fromPem(String text) {
        List<X509Certificate> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN CERTIFICATE-----", from);
            if (begin < 0) {
                break;
            }
            int end = text.indexOf("-----END CERTIFICATE-----", begin);
            if (end < 0) {
                throw new IllegalArgumentException("certificate at offset " + begin + " has no END line");
            }
            String body = text.substring(begin + "-----BEGIN CERTIFICATE-----".length(), end);
            try {
                out.add(parse(Base64.getMimeDecoder().decode(body)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("certificate at offset " + begin + " is not valid", e);
            }
            from = end + 1;
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("must hold at least one PEM certificate, found none");
        }
        return out;
    }

    /** Whether {@code certificate} carries a valid Ed25519 signature by the raw public key. */
    public static boolean isSignedBy(X509Certificate certificate, byte[] issuerEd25519PublicKey) {
        if (!ED25519_OID.equals(certificate.getSigAlgOID())) {
            return false;
        }
        try {
            return Ed25519Keys.verify(
                    issuerEd25519PublicKey, certificate.getTBSCertificate(), certificate.getSignature());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    /** Whether the certificate's extended key usage names the purpose. */
    public static boolean hasPurpose(X509Certificate certificate, ASN1ObjectIdentifier purpose) {
        try {
            List<String> eku = certificate.getExtendedKeyUsage();
            return eku != null && eku.contains(purpose.getId());
        } catch (java.security.cert.CertificateParsingException e) {
            return false;
        }
    }

    /** The subject's attribute, or an {@code IllegalArgumentException} saying {@code what} and the subject. */
    private static String required(X500Name subject, ASN1ObjectIdentifier attribute, String what) {
        return attribute(subject, attribute)
                .orElseThrow(() -> new IllegalArgumentException(what + ", got '" + subject + "'"));
    }

    /**
     * The device identity inside a certificate (no trust checks: see {@link IdentityVerifier}).
     *
     * @throws IllegalArgumentException when the subject lacks SERIALNUMBER or CN
     */
    public static DeviceIdentity deviceIdentity(X509Certificate certificate) {
        X500Name subject =
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        String serial = required(subject, BCStyle.SERIALNUMBER, "device certificate subject must have SERIALNUMBER");
        String model = required(subject, BCStyle.CN, "device certificate subject must have CN (the model)");
        return new DeviceIdentity(serial, model, certificate, fingerprint(certificate));
    }

    /**
     * The landmark identity inside a certificate (no trust checks: see {@link IdentityVerifier}).
     *
     * @throws IllegalArgumentException when the CN or the position extension is missing or invalid
     */
    public static LandmarkIdentity landmarkIdentity(X509Certificate certificate) {
        X500Name subject =
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        String id = required(subject, BCStyle.CN, "landmark certificate subject must have CN (the landmark id)");
        String positionText = utf8Extension(certificate, LocusOids.LANDMARK_POSITION)
                .orElseThrow(() -> new IllegalArgumentException("landmark certificate " + id
                        + " must carry the position extension " + LocusOids.LANDMARK_POSITION));
        GeoPosition position;
        try {
            position = GeoPosition.parse(positionText);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "landmark certificate " + id + " position must be LAT,LON, got '" + positionText + "'", e);
        }
        String name = utf8Extension(certificate, LocusOids.LANDMARK_NAME).orElse(id);
        return new LandmarkIdentity(id, name, position, certificate, fingerprint(certificate));
    }

    static Optional<String> attribute(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0) {
            return Optional.empty();
        }
        return Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
    }

    static Optional<String> utf8Extension(X509Certificate certificate, ASN1ObjectIdentifier oid) {
        byte[] ext = certificate.getExtensionValue(oid.getId());
        if (ext == null) {
            return Optional.empty();
        }
        try {
            ASN1Primitive inner =
                    ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(ext).getOctets());
            if (inner instanceof ASN1String s) {
                return Optional.of(s.getString());
            }
            throw new IllegalArgumentException("extension " + oid + " must be a UTF8String, got " + inner);
        } catch (IOException e) {
            throw new IllegalArgumentException("extension " + oid + " is not valid DER", e);
        }
    }
}
