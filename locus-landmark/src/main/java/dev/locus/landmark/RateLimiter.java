package dev.locus.landmark;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token bucket per source IP address: {@code ratePerSecond} datagrams per second with bursts up to
 * {@code burst}. Memory is bounded: at most {@code maxSources} buckets; while full, datagrams from
 * new sources are refused until idle buckets are swept. Thread-safe.
 */
final class RateLimiter {
    private final double ratePerNano;
    private final double burst;
    private final int maxSources;
    private final ConcurrentHashMap<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double ratePerSecond, double burst, int maxSources) {
        if (!(ratePerSecond > 0) || !(burst >= 1) || maxSources < 1) {
            throw new IllegalArgumentException("rate limit must have rate > 0/s, burst >= 1 and maxSources >= 1, got "
                    + ratePerSecond + "/s, " + burst + ", " + maxSources);
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.maxSources = maxSources;
    }

    /** Takes one token for the source; false when the source is over its rate. */
    boolean allow(InetAddress source, long nowNanos) {
        Bucket b = buckets.get(source);
        if (b == null) {
            if (buckets.size() >= maxSources) {
                return false;
            }
            b = buckets.computeIfAbsent(source, k -> new Bucket(burst, nowNanos));
        }
        return b.take(nowNanos, ratePerNano, burst);
    }

    /** Drops buckets that have refilled completely (idle sources). */
    void sweep(long nowNanos) {
        buckets.values().removeIf(b -> b.isFull(nowNanos, ratePerNano, burst));
    }

    int trackedSources() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long lastNanos;

        Bucket(double tokens, long nowNanos) {
            this.tokens = tokens;
            this.lastNanos = nowNanos;
        }

        synchronized boolean take(long now, double ratePerNano, double burst) {
            refill(now, ratePerNano, burst);
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        synchronized boolean isFull(long now, double ratePerNano, double burst) {
            refill(now, ratePerNano, burst);
            return tokens >= burst;
        }

        private void refill(long now, double ratePerNano, double burst) {
            if (now > lastNanos) {
                tokens = Math.min(burst, tokens + (now - lastNanos) * ratePerNano);
                lastNanos = now;
            }
        }
    }
}
