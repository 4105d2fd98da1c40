package dev.locus.geo.bound;

import dev.locus.geo.GeoException;

/**
 * A measured round-trip time, in nanoseconds. Must be positive and at most {@link #MAX_NANOS}
 * (10 s): a zero or negative round trip is a broken clock, and anything beyond 10 s says nothing
 * about position (light circles the Earth in 134 ms).
 *
 * @param nanos in (0, 10 000 000 000]
 */
public record RoundTrip(long nanos) implements Comparable<RoundTrip> {

    public static final long MAX_NANOS = 10_000_000_000L;

    public RoundTrip {
        if (nanos <= 0 || nanos > MAX_NANOS) {
            throw new GeoException(
                    "round trip must be > 0 and <= 10000 ms, got " + nanos / 1e6 + " ms (" + nanos + " ns)");
        }
    }

    public static RoundTrip ofNanos(long nanos) {
        return new RoundTrip(nanos);
    }

    /** From milliseconds (fractions allowed), rounded up to the next nanosecond so the bound never shrinks. */
    public static RoundTrip ofMillis(double millis) {
        if (!Double.isFinite(millis) || millis <= 0 || millis > MAX_NANOS / 1e6) {
            throw new GeoException("round trip must be > 0 and <= 10000 ms, got " + millis + " ms");
        }
        return new RoundTrip((long) Math.ceil(millis * 1e6));
    }

    public double millis() {
        return nanos / 1e6;
    }

    public RoundTrip min(RoundTrip other) {
        return nanos <= other.nanos ? this : other;
    }

    @Override
    public int compareTo(RoundTrip o) {
        return Long.compare(nanos, o.nanos);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.3f ms", millis());
    }
}
