package dev.locus.server.identity;

import dev.locus.protocol.identity.Certificates;
import dev.locus.server.Bytes;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * A chip's registered X.509 device certificate, with the facts the dashboard shows and ingestion
 * compares. Obtain one from {@link ManufacturerTrust#check} (registration: the chain is verified)
 * or {@link #stored} (read back from the registry).
 *
 * @param der the certificate's DER encoding (base64 in JSON)
 * @param sha256 SHA-256 of {@code der}, lower-case hex: how receipts name the certificate
 * @param subject subject name (RFC 2253), e.g. {@code SERIALNUMBER=SN1,CN=NVIDIA H100,O=Locus device}
 * @param issuer issuer name (RFC 2253): the manufacturer CA's subject
 * @param serialNumber the certificate's serial number, lower-case hex
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param caSha256 SHA-256 of the trusted CA certificate that signed it, lower-case hex
 */
public record DeviceCertificate(
        Bytes der,
        String sha256,
        String subject,
        String issuer,
        String serialNumber,
        Instant notBefore,
        Instant notAfter,
        String caSha256) {

    /** The facts of {@code certificate}, signed by the trusted CA certificate with fingerprint {@code caSha256}. */
    static DeviceCertificate of(X509Certificate certificate, String caSha256) {
        return new DeviceCertificate(
                Bytes.of(Certificates.der(certificate)),
                Certificates.fingerprint(certificate).toHex(),
                name(certificate.getSubjectX500Principal()),
                name(certificate.getIssuerX500Principal()),
                certificate.getSerialNumber().toString(16),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                caSha256);
    }

    /** RFC 2253 text, with the device serial's attribute named (the JDK would print it as an OID and hex). */
    static String name(X500Principal principal) {
        return principal.getName(X500Principal.RFC2253, Map.of("2.5.4.5", "SERIALNUMBER"));
    }

    /**
     * A certificate read back from the registry, where it was stored after its chain was checked.
     *
     * @throws IllegalArgumentException when {@code der} is not a certificate
     */
    public static DeviceCertificate stored(Bytes der, String caSha256) {
        return of(Certificates.parse(der.toArray()), caSha256);
    }
}
