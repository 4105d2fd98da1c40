package dev.locus.bench.load;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@code ./locus bench protocol} measured (written in snake_case, e.g. {@code overhead_p50_us}).
 *
 * @param overheadP50Us median round trip of the timed exchange over a raw UDP echo's, µs
 * @param overheadP99Us the same at the 99th percentile, µs
 * @param verifiedPerSecond verified challenge-responses per second in the throughput phase
 * @param loadAverage1mAfter the machine's one-minute load average after the run
 * @param landmarkRejections the landmark's rejections by reason
 */
public record ProtocolBenchResult(
        double overheadP50Us,
        double overheadP99Us,
        long verifiedPerSecond,
        double echoRttP50Us,
        double echoRttP99Us,
        double protocolRttP50Us,
        double protocolRttP99Us,
        double deviceWorkP50Us,
        double deviceWorkP99Us,
        int echoSamples,
        int protocolSamples,
        long receiptsPerSecond,
        long throughputSessions,
        int throughputAgents,
        int roundsPerSession,
        int landmarkVerifierThreads,
        double seconds,
        int cpus,
        @JsonProperty("load_average_1m_after") double loadAverage1mAfter,
        String java,
        String landmarkRejections,
        Targets targets,
        boolean meetsTargets) {

    /** The targets of issue 2: overhead p50 ≤ 50 µs, p99 ≤ 250 µs, ≥ 10,000 verified/s. */
    public record Targets(int overheadP50UsMax, int overheadP99UsMax, int verifiedPerSecondMin) {
        static final Targets ISSUE = new Targets(50, 250, 10_000);

        boolean met(double overheadP50, double overheadP99, double verifiedPerSecond) {
            return overheadP50 <= overheadP50UsMax
                    && overheadP99 <= overheadP99UsMax
                    && verifiedPerSecond >= verifiedPerSecondMin;
        }
    }
}
