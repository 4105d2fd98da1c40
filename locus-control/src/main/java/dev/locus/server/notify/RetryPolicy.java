package dev.locus.server.notify;

import java.time.Duration;

/**
 * When a failed delivery is tried again: after {@code firstRetry}, doubling each time up to {@code
 * maxRetry}, at most {@code maxAttempts} attempts in all (then the delivery is FAILED). {@code
 * claim} is how long an attempt in progress holds its delivery: a process that dies while sending
 * leaves it to be tried again once the claim has passed.
 */
public record RetryPolicy(Duration firstRetry, Duration maxRetry, int maxAttempts, Duration claim) {
    public RetryPolicy {
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException(
                    "retry delays must satisfy 0 < first <= max, got " + firstRetry + " and " + maxRetry);
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("max attempts must be in [1, 100], got " + maxAttempts);
        }
        if (claim.isNegative() || claim.isZero()) {
            throw new IllegalArgumentException("claim must be > 0, got " + claim);
        }
    }

    /** 30 s, doubling to 1 h, 24 attempts (about a day), a claim of 2 minutes. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 24, Duration.ofMinutes(2));
    }

    /** The wait after failed attempt number {@code attempt} (1 for the first). */
    public Duration delayAfter(int attempt) {
        Duration d = firstRetry;
        for (int i = 1; i < attempt && d.compareTo(maxRetry) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxRetry) > 0 ? maxRetry : d;
    }
}
