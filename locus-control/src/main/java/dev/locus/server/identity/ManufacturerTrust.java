package dev.locus.server.identity;

import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.DeviceIdentity;
import dev.locus.protocol.identity.LocusOids;
import dev.locus.server.Bytes;
import dev.locus.server.LocusServerException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manufacturer CA certificates the control plane trusts to vouch for chips (what {@code
 * ./locus ca init} creates: self-signed Ed25519 CAs). A chip's device certificate is accepted at
 * registration only when one of these CAs signed it directly; ingestion then asks whether that CA
 * is still trusted. Immutable and thread-safe.
 */
public final class ManufacturerTrust {
    private final Map<String, X509Certificate> bySha256;
    private final Map<String, byte[]> keys;

    private ManufacturerTrust(Map<String, X509Certificate> bySha256) {
        this.bySha256 = bySha256;
        Map<String, byte[]> k = new LinkedHashMap<>();
        bySha256.forEach((fp, ca) -> k.put(fp, Ed25519Keys.rawPublicKey(ca.getPublicKey())));
        this.keys = k;
    }

    /**
     * Trusts the given CA certificates.
     *
     * @throws LocusServerException naming the certificate when one is not an Ed25519 CA certificate
     */
    public static ManufacturerTrust of(Collection<X509Certificate> cas) {
        Map<String, X509Certificate> byFp = new LinkedHashMap<>();
        for (X509Certificate ca : cas) {
            String name = "manufacturer CA certificate '" + DeviceCertificate.name(ca.getSubjectX500Principal()) + "'";
            if (ca.getBasicConstraints() < 0) {
                throw new LocusServerException(name + " must be a CA certificate (basic constraints cA=true),"
                        + " as ./locus ca init creates; got an end-entity certificate");
            }
            if (!Ed25519Keys.isEd25519(ca.getPublicKey())) {
                throw new LocusServerException(name + " must have an Ed25519 key, as ./locus ca init creates; got "
                        + ca.getPublicKey().getAlgorithm());
            }
            byFp.put(Certificates.fingerprint(ca).toHex(), ca);
        }
        return new ManufacturerTrust(byFp);
    }

    /** Trusts no CA: every device certificate is refused. */
    public static ManufacturerTrust none() {
        return new ManufacturerTrust(Map.of());
    }

    /** The trusted CA certificates, in configuration order. */
    public List<X509Certificate> certificates() {
        return List.copyOf(bySha256.values());
    }

    /** The trusted CA certificate with this SHA-256 fingerprint (lower-case hex), if it is still trusted. */
    public Optional<X509Certificate> ca(String sha256) {
        return Optional.ofNullable(bySha256.get(sha256));
    }

    /** What registration makes of a device certificate. */
    public sealed interface Check {
        /**
         * The certificate chains to a trusted CA and binds the row's serial and model.
         *
         * @param publicKey the certificate's key as the registry stores it ({@link DeviceKeys})
         */
        record Trusted(DeviceCertificate certificate, Bytes publicKey) implements Check {}

        /** Why the certificate cannot be registered for the row (safe to show to the client). */
        record Refused(String reason) implements Check {}
    }

    /**
     * Checks a device certificate for a chip row: it must be signed by a trusted CA (issuer name and
     * Ed25519 signature), be a device certificate (the Locus device extended key usage, not a CA),
     * bind the row's serial (subject SERIALNUMBER) and model (subject CN), not have expired at
     * {@code now} (nor its CA), and carry an Ed25519 or ECDSA key. Validity at each measurement is
     * checked again at ingestion.
     */
    public Check check(X509Certificate certificate, String serial, String model, Instant now) {
        if (bySha256.isEmpty()) {
            return new Check.Refused("cannot be checked: no manufacturer CA is configured (start the server with"
                    + " --manufacturer-ca FILE, the CA's ca.pem)");
        }
        Optional<Map.Entry<String, X509Certificate>> issuer = issuerOf(certificate);
        if (issuer.isEmpty()) {
            List<String> trusted = new ArrayList<>();
            bySha256.values().forEach(ca -> trusted.add(DeviceCertificate.name(ca.getSubjectX500Principal())));
            return new Check.Refused("is not signed by a trusted manufacturer CA (its issuer is '"
                    + DeviceCertificate.name(certificate.getIssuerX500Principal()) + "'; trusted: " + trusted + ")");
        }
        X509Certificate ca = issuer.get().getValue();
        if (certificate.getBasicConstraints() >= 0
                || !Certificates.hasPurpose(certificate, LocusOids.DEVICE_IDENTITY)) {
            return new Check.Refused("must be a device certificate (extended key usage " + LocusOids.DEVICE_IDENTITY
                    + ", not a CA), as ./locus ca issue-device issues");
        }
        DeviceIdentity identity;
        try {
            identity = Certificates.deviceIdentity(certificate);
        } catch (IllegalArgumentException e) {
            return new Check.Refused(e.getMessage());
        }
        List<String> mismatches = new ArrayList<>();
        if (!identity.serial().equals(serial)) {
            mismatches.add("serial '" + identity.serial() + "', not this row's '" + serial + "'");
        }
        if (!identity.model().equals(model)) {
            mismatches.add("model '" + identity.model() + "', not this row's '" + model + "'");
        }
        if (!mismatches.isEmpty()) {
            return new Check.Refused("binds " + String.join(" and ", mismatches));
        }
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            return new Check.Refused("expired at " + certificate.getNotAfter().toInstant());
        }
        if (now.isAfter(ca.getNotAfter().toInstant())) {
            return new Check.Refused("was issued by CA '" + DeviceCertificate.name(ca.getSubjectX500Principal())
                    + "', whose certificate expired at " + ca.getNotAfter().toInstant());
        }
        PublicKey key = certificate.getPublicKey();
        if (!Ed25519Keys.isEd25519(key) && !"EC".equals(key.getAlgorithm())) {
            return new Check.Refused("key must be Ed25519 or ECDSA P-256 (devices sign their proofs with one of"
                    + " these), got " + key.getAlgorithm());
        }
        return new Check.Trusted(
                DeviceCertificate.of(certificate, issuer.get().getKey()),
                DeviceKeys.encode(certificate.getPublicKey()));
    }

    private Optional<Map.Entry<String, X509Certificate>> issuerOf(X509Certificate certificate) {
        for (Map.Entry<String, X509Certificate> e : bySha256.entrySet()) {
            if (e.getValue().getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && Certificates.isSignedBy(certificate, keys.get(e.getKey()))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
