package dev.locus.agent;

import dev.locus.protocol.receipt.ReceiptRecord;
import dev.locus.protocol.wire.RejectReason;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What one measurement session with one landmark produced. */
public sealed interface MeasurementOutcome permits MeasurementOutcome.Measured, MeasurementOutcome.Failed {

    /**
     * A verified, signed receipt.
     *
     * @param record the receipt with the landmark and device certificates
     * @param deviceWorkNanos per round, the device-side time from receiving the challenge to handing
     *     the answer to the socket (decode, sign, encode, send), in nanoseconds
     */
    record Measured(ReceiptRecord record, List<Long> deviceWorkNanos) implements MeasurementOutcome {
        public Measured {
            Objects.requireNonNull(record, "record");
            deviceWorkNanos = List.copyOf(deviceWorkNanos);
        }
    }

    /** Why no receipt came. */
    enum FailureKind {
        /** The landmark refused, with its reason. */
        REJECTED,
        /** No answer within the retries allowed. */
        TIMEOUT,
        /** A receipt came but did not check out (signature, session, device or landmark mismatch). */
        BAD_RECEIPT,
        /** The socket failed (e.g. no route to the landmark). */
        NETWORK_ERROR
    }

    /**
     * No receipt.
     *
     * @param kind what went wrong
     * @param landmarkReason the landmark's reason when it refused
     * @param detail human-readable detail
     */
    record Failed(FailureKind kind, Optional<RejectReason> landmarkReason, String detail)
            implements MeasurementOutcome {
        public Failed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(landmarkReason, "landmarkReason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
