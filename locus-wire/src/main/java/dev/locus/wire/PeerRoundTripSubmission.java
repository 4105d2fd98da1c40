package dev.locus.wire;

import dev.locus.protocol.receipt.SignedReceipt;
import java.time.Instant;
import java.util.Base64;

/**
 * One peer round trip as posted to {@code POST /api/v1/landmark-round-trips} (a JSON array of
 * these) or written as a JSON line for a later bulk import.
 *
 * @param measuringLandmarkId the landmark that answered the challenges and submits
 * @param measuredLandmarkId the landmark that timed the rounds and signed the receipt
 * @param rttMinNanos the shortest round trip, nanoseconds
 * @param measuredAt when the shortest round's challenge was sent
 * @param signedReceipt base64 of the signed receipt's wire form
 */
public record PeerRoundTripSubmission(
        String measuringLandmarkId,
        String measuredLandmarkId,
        long rttMinNanos,
        Instant measuredAt,
        String signedReceipt) {

    /** The submission of a receipt a peer landmark returned, readable fields taken from it. */
    public static PeerRoundTripSubmission of(SignedReceipt signed) {
        var r = signed.receipt();
        return new PeerRoundTripSubmission(
                r.deviceSerial(),
                r.landmarkId(),
                r.minRttNanos(),
                r.measuredAt(),
                Base64.getEncoder().encodeToString(signed.encoded()));
    }
}
