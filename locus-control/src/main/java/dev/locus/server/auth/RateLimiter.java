package dev.locus.server.auth;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token-bucket rate limits per key (a token id, or a client address for failed authentications).
 * Thread-safe; buckets idle for a minute are dropped when the map grows past 100,000 keys.
 */
public final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long lastNanos) {
            this.tokens = tokens;
            this.lastNanos = lastNanos;
        }
    }

    /**
     * @param perSecond sustained rate, &gt; 0
     * @param burst bucket size, &ge; 1
     * @param nanoTime monotonic clock, e.g. {@code System::nanoTime}
     */
    public RateLimiter(double perSecond, double burst, LongSupplier nanoTime) {
        if (!(perSecond > 0) || !(burst >= 1)) {
            throw new IllegalArgumentException(
                    "rate must be > 0 per second and burst >= 1, got " + perSecond + " and " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes {@code cost} tokens from {@code key}'s bucket.
     *
     * @return empty when allowed, else how long until the request would be allowed
     */
    public java.util.Optional<Duration> acquire(String key, double cost) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > 100_000) {
            buckets.values().removeIf(b -> now - b.lastNanos > 60_000_000_000L);
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.lastNanos) / 1e9 * perSecond);
            b.lastNanos = now;
            if (b.tokens >= cost) {
                b.tokens -= cost;
                return java.util.Optional.empty();
            }
            double waitSeconds = (cost - b.tokens) / perSecond;
            return java.util.Optional.of(Duration.ofNanos((long) Math.ceil(waitSeconds * 1e9)));
        }
    }
}
