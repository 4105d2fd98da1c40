package dev.locus.server.notify;

import java.time.Instant;
import java.util.Optional;

/**
 * One outbox row: one alert event for one subscription, and how its delivery stands.
 *
 * @param id the idempotency key sent with every attempt
 * @param attempts attempts started so far
 * @param nextAttemptAt when a PENDING delivery is tried next
 */
public record Delivery(
        long id,
        long subscriptionId,
        long alertId,
        String event,
        Status status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Optional<Instant> deliveredAt,
        Optional<String> lastError) {

    public enum Status {
        /** Not yet accepted by the receiver; tried at {@code nextAttemptAt}. */
        PENDING,
        /** Accepted by the receiver once; never sent again. */
        DELIVERED,
        /** Given up: every attempt failed, or the subscription was removed. */
        FAILED
    }
}
