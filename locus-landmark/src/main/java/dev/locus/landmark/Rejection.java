package dev.locus.landmark;

import dev.locus.protocol.wire.RejectReason;
import dev.locus.protocol.wire.SessionId;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One refused input, recorded before anything is answered.
 *
 * @param at wall-clock time of the refusal
 * @param source where the datagram came from
 * @param reason why
 * @param detail the field, the value and what was allowed
 * @param sessionId the session concerned, when the datagram named a known one
 */
public record Rejection(
        Instant at, InetSocketAddress source, RejectReason reason, String detail, Optional<SessionId> sessionId) {
    public Rejection {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
