package dev.locus.server.ingest;

import java.time.Duration;
import java.util.Set;

/**
 * Acceptance limits for receipts.
 *
 * @param maxAge how old a measurement may be when it arrives
 * @param maxClockSkew how far in the future a measurement may claim to be
 * @param maxRttNanos largest plausible round trip (a larger one proves nothing anyway)
 * @param maxSamples most samples one receipt may carry
 * @param supportedVersions receipt format versions accepted
 */
public record IngestPolicy(
        Duration maxAge, Duration maxClockSkew, long maxRttNanos, int maxSamples, Set<Integer> supportedVersions) {

    public IngestPolicy {
        if (maxAge.isNegative() || maxAge.isZero() || maxClockSkew.isNegative()) {
            throw new IllegalArgumentException(
                    "maxAge must be > 0 and maxClockSkew >= 0, got " + maxAge + " and " + maxClockSkew);
        }
        supportedVersions = Set.copyOf(supportedVersions);
    }

    /** Live submissions: 10 minutes old at most, 30 s of clock skew, round trips up to 10 s, 256 samples. */
    public static IngestPolicy live() {
        return new IngestPolicy(Duration.ofMinutes(10), Duration.ofSeconds(30), 10_000_000_000L, 256, Set.of(1));
    }

    public IngestPolicy withMaxAge(Duration age) {
        return new IngestPolicy(age, maxClockSkew, maxRttNanos, maxSamples, supportedVersions);
    }
}
