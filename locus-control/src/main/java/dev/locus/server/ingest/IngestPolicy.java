package dev.locus.server.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The one ingestion policy for receipts and peer round trips alike: batch size, format versions,
 * round-trip range and freshness, each checked here and nowhere else.
 *
 * @param maxAge how old a measurement may be when it arrives
 * @param maxClockSkew how far in the future a measurement may claim to be
 * @param maxRttNanos largest plausible round trip (a larger one proves nothing anyway)
 * @param maxSamples most samples one receipt may carry
 * @param supportedVersions receipt format versions accepted
 */
public record IngestPolicy(
        Duration maxAge, Duration maxClockSkew, long maxRttNanos, int maxSamples, Set<Integer> supportedVersions) {

    /** Most submissions one batch may hold (receipts or peer round trips). */
    public static final int MAX_BATCH = 5_000;

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

    /**
     * @param items what the batch holds, e.g. {@code "receipts"}
     * @throws IllegalArgumentException when the batch is empty or larger than {@link #MAX_BATCH}
     */
    public static void requireBatchSize(int size, String items) {
        if (!batchSizeAllowed(size)) {
            throw new IllegalArgumentException(batchSizeProblem(size, items));
        }
    }

    /** Whether a batch of {@code size} may be submitted. */
    public static boolean batchSizeAllowed(int size) {
        return size >= 1 && size <= MAX_BATCH;
    }

    /** What is wrong with a batch of {@code size} {@code items}. */
    public static String batchSizeProblem(int size, String items) {
        return "a batch must hold 1 to " + MAX_BATCH + " " + items + ", got " + size;
    }

    /** UNSUPPORTED_VERSION unless {@code version} is accepted. */
    public Optional<Rejection> versionProblem(int version) {
        if (supportedVersions.contains(version)) {
            return Optional.empty();
        }
        return Rejection.of(
                RejectionReason.UNSUPPORTED_VERSION,
                "protocol_version must be one of " + supportedVersions + ", got " + version);
    }

    /** MALFORMED unless the round trip is in (0, maxRttNanos]. */
    public Optional<Rejection> roundTripProblem(String field, long rttNanos) {
        if (rttNanos > 0 && rttNanos <= maxRttNanos) {
            return Optional.empty();
        }
        return Rejection.of(
                RejectionReason.MALFORMED, field + " must be > 0 and <= " + maxRttNanos + ", got " + rttNanos);
    }

    /** STALE when older than maxAge, FROM_FUTURE when further ahead of {@code now} than maxClockSkew. */
    public Optional<Rejection> freshnessProblem(Instant measuredAt, Instant now) {
        Duration age = Duration.between(measuredAt, now);
        if (age.compareTo(maxAge) > 0) {
            return Rejection.of(
                    RejectionReason.STALE,
                    "measured_at " + measuredAt + " is " + age.toSeconds() + " s old; at most " + maxAge.toSeconds()
                            + " s allowed");
        }
        if (age.negated().compareTo(maxClockSkew) > 0) {
            return Rejection.of(
                    RejectionReason.FROM_FUTURE,
                    "measured_at " + measuredAt + " is " + age.negated().toMillis() + " ms ahead of the server"
                            + " clock; at most " + maxClockSkew.toMillis() + " ms allowed");
        }
        return Optional.empty();
    }
}
