package dev.locus.server.ingest;

import dev.locus.server.Bytes;
import dev.locus.server.identity.DeviceKeys;
import dev.locus.server.identity.ManufacturerTrust;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * The chip's side of a receipt whose landmark signature already verified, against what the
 * registry holds for the chip. For a chip with a registered device certificate: the receipt names
 * that certificate, was measured within its validity, and the CA that signed it (checked at
 * registration) is still trusted and was valid then. Then, for every chip: the device's proof of
 * the timed round verifies with the chip's registered key (from its certificate or registered
 * bare). A chip registered with neither has nothing to check a proof against: its receipts are
 * refused ({@link RejectionReason#NO_DEVICE_IDENTITY}), so no verdict rests on a landmark's word alone. Nothing is parsed here: registration stored
 * the certificate's fingerprint, validity and CA. Thread-safe.
 */
final class DeviceCheck {
    private final ManufacturerTrust trust;

    DeviceCheck(ManufacturerTrust trust) {
        this.trust = trust;
    }

    /**
     * What ingestion reads about a registered chip's identity.
     *
     * @param publicKey the chip's key ({@link DeviceKeys}), from its certificate when it has one
     * @param certificate the registered device certificate's facts
     */
    record RegisteredChip(Optional<Bytes> publicKey, Optional<CertificateFacts> certificate) {
        /** Whether the registry holds anything to check the device's side against. */
        boolean hasIdentity() {
            return publicKey.isPresent() || certificate.isPresent();
        }
    }

    /**
     * A registered device certificate as ingestion compares it.
     *
     * @param sha256 the certificate's SHA-256, lower-case hex
     * @param caSha256 SHA-256 of the CA certificate that signed it, lower-case hex
     */
    record CertificateFacts(String sha256, Instant notBefore, Instant notAfter, String caSha256) {}

    /** Empty when the receipt's device side passes; otherwise the reason and what failed. */
    Optional<Rejection> check(Receipt r, RegisteredChip chip, Optional<DeviceEvidence> evidence) {
        if (!chip.hasIdentity()) {
            return Rejection.of(
                    RejectionReason.NO_DEVICE_IDENTITY,
                    "chip " + r.chipSerial() + " is registered without a device certificate or device key, so no"
                            + " receipt can show that the chip itself answered; register its key or certificate");
        }
        if (chip.certificate().isPresent()) {
            Optional<String> problem = certificateProblem(r, chip.certificate().get(), evidence);
            if (problem.isPresent()) {
                return Rejection.of(RejectionReason.DEVICE_CERTIFICATE, problem.get());
            }
        }
        if (evidence.isEmpty()) {
            return Rejection.of(
                    RejectionReason.BAD_SIGNATURE,
                    "receipt carries no device proof of the timed round for chip " + r.chipSerial());
        }
        if (chip.publicKey().isPresent()) {
            DeviceEvidence e = evidence.get();
            if (!DeviceKeys.verify(
                    chip.publicKey().get(),
                    e.signedMessage().toArray(),
                    e.proof().toArray())) {
                return Rejection.of(
                        RejectionReason.BAD_SIGNATURE,
                        "device proof of the timed round does not verify with chip " + r.chipSerial()
                                + "'s registered key: another key answered the challenge");
            }
        }
        return Optional.empty();
    }

    private Optional<String> certificateProblem(Receipt r, CertificateFacts cert, Optional<DeviceEvidence> evidence) {
        String chip = "chip " + r.chipSerial();
        if (evidence.isEmpty()) {
            return Optional.of(chip + " has a registered device certificate, but this receipt's format names no"
                    + " device certificate and carries no device proof");
        }
        if (!evidence.get().certificateSha256().equals(cert.sha256())) {
            return Optional.of(
                    "receipt names device certificate " + evidence.get().certificateSha256() + ", not " + chip
                            + "'s registered certificate " + cert.sha256());
        }
        Instant at = r.measuredAt();
        if (at.isBefore(cert.notBefore())) {
            return Optional.of(
                    chip + "'s device certificate is not valid before " + cert.notBefore() + "; measured_at is " + at);
        }
        if (at.isAfter(cert.notAfter())) {
            return Optional.of(chip + "'s device certificate expired at " + cert.notAfter() + "; measured_at is " + at);
        }
        Optional<X509Certificate> ca = trust.ca(cert.caSha256());
        if (ca.isEmpty()) {
            return Optional.of(chip + "'s device certificate was issued by the CA certificate " + cert.caSha256()
                    + ", which is no longer a trusted manufacturer CA");
        }
        Instant caFrom = ca.get().getNotBefore().toInstant();
        Instant caUntil = ca.get().getNotAfter().toInstant();
        if (at.isBefore(caFrom) || at.isAfter(caUntil)) {
            return Optional.of(
                    "the CA certificate '" + ca.get().getSubjectX500Principal().getName() + "' that issued "
                            + chip + "'s device certificate is valid from " + caFrom + " to " + caUntil
                            + ", not at measured_at "
                            + at);
        }
        return Optional.empty();
    }
}
