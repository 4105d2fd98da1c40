package dev.locus.wire;

import dev.locus.protocol.receipt.SignedReceipt;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

/**
 * One receipt as posted to {@code POST /api/v1/receipts} (a JSON array of these): the readable
 * fields and the landmark's signature over its {@code LOCUS-RECEIPT-V1} payload, binary as base64.
 *
 * @param landmarkId the landmark that timed the rounds and signed
 * @param chipSerial the device serial the landmark measured
 * @param nonce base64 of the shortest round's nonce
 * @param rttMinNanos the shortest round trip, nanoseconds
 * @param rttSamplesNanos every round trip, nanoseconds
 * @param measuredAt when the shortest round's challenge was sent (microsecond precision)
 * @param protocolVersion the receipt's protocol version
 * @param signature base64 of the landmark's Ed25519 signature
 * @param payload base64 of the signed bytes (tag and canonical body)
 */
public record ReceiptSubmission(
        String landmarkId,
        String chipSerial,
        String nonce,
        long rttMinNanos,
        List<Long> rttSamplesNanos,
        Instant measuredAt,
        int protocolVersion,
        String signature,
        String payload) {

    public ReceiptSubmission {
        rttSamplesNanos = List.copyOf(rttSamplesNanos);
    }

    /** The submission of a receipt a landmark signed, readable fields taken from it. */
    public static ReceiptSubmission of(SignedReceipt signed) {
        var r = signed.receipt();
        Base64.Encoder b64 = Base64.getEncoder();
        return new ReceiptSubmission(
                r.landmarkId(),
                r.deviceSerial(),
                b64.encodeToString(r.minNonce().toBytes()),
                r.minRttNanos(),
                r.samplesNanos(),
                r.measuredAt().truncatedTo(ChronoUnit.MICROS),
                r.protocolVersion(),
                b64.encodeToString(signed.signature()),
                b64.encodeToString(signed.signedPayload()));
    }
}
