package dev.locus.server.notify;

import java.time.Instant;

/** One attempt in the delivery log. */
public record DeliveryAttempt(long deliveryId, int attempt, Instant attemptedAt, Outcome outcome, String detail) {
    public enum Outcome {
        DELIVERED,
        FAILED
    }
}
