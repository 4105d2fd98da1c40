package dev.locus.sim.relay;

import dev.locus.geo.bound.RoundTrip;
import java.util.Random;

/**
 * The one-way delay of an emulated link: a fixed base plus, optionally, uniform jitter in {@code
 * [0, jitterNanos]}. Jitter only ever adds delay, like real queues. Each direction of a link gets
 * its own instance; not thread-safe (used by one relay thread).
 */
public final class LinkDelay {
    private final long baseNanos;
    private final long jitterNanos;
    private final Random random;

    private LinkDelay(long baseNanos, long jitterNanos, Random random) {
        if (baseNanos < 0 || jitterNanos < 0) {
            throw new IllegalArgumentException(
                    "delay must be >= 0 ns with jitter >= 0 ns, got " + baseNanos + " and " + jitterNanos);
        }
        this.baseNanos = baseNanos;
        this.jitterNanos = jitterNanos;
        this.random = random;
    }

    /** A fixed one-way delay. */
    public static LinkDelay fixed(long oneWayNanos) {
        return new LinkDelay(oneWayNanos, 0, new Random(0));
    }

    /** Half of a measured round trip, each way (the usual symmetric-link assumption). */
    public static LinkDelay halfOf(RoundTrip roundTrip) {
        return fixed(roundTrip.nanos() / 2);
    }

    /** A one-way delay with uniform jitter drawn from a seeded generator. */
    public static LinkDelay withJitter(long oneWayNanos, long jitterNanos, long seed) {
        return new LinkDelay(oneWayNanos, jitterNanos, new Random(seed));
    }

    /** The delay for the next datagram, in nanoseconds. */
    public long nextNanos() {
        return jitterNanos == 0 ? baseNanos : baseNanos + (long) (random.nextDouble() * jitterNanos);
    }

    public long baseNanos() {
        return baseNanos;
    }

    @Override
    public String toString() {
        return String.format("%.3f ms one way (+ up to %.3f ms jitter)", baseNanos / 1e6, jitterNanos / 1e6);
    }
}
