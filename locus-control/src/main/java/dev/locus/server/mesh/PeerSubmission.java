package dev.locus.server.mesh;

import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.server.Bytes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A peer round trip as submitted: the readable fields and the measured landmark's signed receipt
 * (the {@code locus-protocol} wire form), with any problem found while reading them. A malformed
 * submission is still stored, with what could be read, and rejected as {@code MALFORMED}.
 *
 * @param measuringLandmarkId the landmark that answered the challenges and submits the round trip
 * @param measuredLandmarkId the landmark that timed the rounds and signed the receipt
 * @param rttMinNanos the shortest round trip, in nanoseconds, as the submitter read it
 * @param measuredAt when the shortest round's challenge was sent, as the submitter read it
 * @param signedReceiptBytes the signed receipt's wire form, as submitted
 * @param signedReceipt the decoded receipt, when it decodes
 * @param malformed what could not be read, if anything
 */
public record PeerSubmission(
        String measuringLandmarkId,
        String measuredLandmarkId,
        long rttMinNanos,
        Instant measuredAt,
        Bytes signedReceiptBytes,
        Optional<SignedReceipt> signedReceipt,
        Optional<String> malformed) {
    public PeerSubmission {
        Objects.requireNonNull(measuringLandmarkId, "measuringLandmarkId");
        Objects.requireNonNull(measuredLandmarkId, "measuredLandmarkId");
        Objects.requireNonNull(measuredAt, "measuredAt");
        Objects.requireNonNull(signedReceiptBytes, "signedReceiptBytes");
        Objects.requireNonNull(signedReceipt, "signedReceipt");
        Objects.requireNonNull(malformed, "malformed");
    }

    /** The submission of a receipt a {@code PeerProber} returned, readable fields taken from it. */
    public static PeerSubmission of(SignedReceipt signed) {
        var r = signed.receipt();
        return new PeerSubmission(
                r.deviceSerial(),
                r.landmarkId(),
                r.minRttNanos(),
                r.measuredAt(),
                Bytes.of(signed.encoded()),
                Optional.of(signed),
                Optional.empty());
    }
}
