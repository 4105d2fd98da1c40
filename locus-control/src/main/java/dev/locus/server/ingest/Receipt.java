package dev.locus.server.ingest;

import dev.locus.server.Bytes;
import java.time.Instant;
import java.util.List;

/**
 * A landmark's signed record of one timed challenge-response with a chip: the boundary between
 * the protocol and the control plane. The signature covers {@code signedPayload}, which must encode
 * exactly the other fields (see {@link ProtocolReceipts}).
 *
 * @param landmarkId the landmark that measured and signed
 * @param chipSerial the chip that answered
 * @param nonce the single-use challenge
 * @param rttMinNanos smallest measured round trip, in nanoseconds
 * @param rttSamplesNanos every measured round trip, in nanoseconds
 * @param measuredAt landmark wall-clock time of the measurement
 * @param protocolVersion version of the receipt format
 * @param signature Ed25519 signature by the landmark over {@code signedPayload}
 * @param signedPayload the exact bytes that were signed
 */
public record Receipt(
        String landmarkId,
        String chipSerial,
        Bytes nonce,
        long rttMinNanos,
        List<Long> rttSamplesNanos,
        Instant measuredAt,
        int protocolVersion,
        Bytes signature,
        Bytes signedPayload) {
    public Receipt {
        rttSamplesNanos = List.copyOf(rttSamplesNanos);
    }
}
