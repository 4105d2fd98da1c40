package dev.locus.server;

import dev.locus.server.ingest.IngestPolicy;
import dev.locus.server.persistence.DatabaseConfig;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * How a control plane runs. Build with {@link #defaults(Path)} and the {@code with...} methods, or
 * {@link #builder(Path)} for several changes at once.
 *
 * @param dataDir where the embedded database, the bootstrap admin token and other files live
 * @param bindAddress interface to listen on, e.g. {@code 127.0.0.1}
 * @param port TCP port, 0 for any free one
 * @param database where the data is kept
 * @param ingestPolicy limits for live receipts
 * @param silentFor how long an installed chip may go without attesting before SILENT is raised
 * @param ruleInterval how often time-based alert rules run
 * @param humanRequestsPerSecond sustained request rate per token for people and tools
 * @param deviceRequestsPerSecond sustained request rate per landmark or agent token
 * @param measurementWindow how far back receipts count towards a chip's verdict
 * @param unverifiedFor how long an installed chip may go without a proven verdict before UNVERIFIED
 * @param assessmentThreads chips assessed in parallel (default: half the processors, at least 1)
 * @param manufacturerCas CA certificates trusted to vouch for chips' device certificates (default:
 *     none, so chips can only be registered without one)
 */
public record ServerConfig(
        Path dataDir,
        String bindAddress,
        int port,
        DatabaseConfig database,
        IngestPolicy ingestPolicy,
        Duration silentFor,
        Duration ruleInterval,
        double humanRequestsPerSecond,
        double deviceRequestsPerSecond,
        Duration measurementWindow,
        Duration unverifiedFor,
        int assessmentThreads,
        List<X509Certificate> manufacturerCas) {

    public ServerConfig {
        manufacturerCas = List.copyOf(manufacturerCas);
        if (port < 0 || port > 65535) {
            throw new LocusServerException("port must be in [0, 65535], got " + port);
        }
        if (assessmentThreads < 1 || assessmentThreads > 256) {
            throw new LocusServerException("assessment threads must be in [1, 256], got " + assessmentThreads);
        }
        if (!(humanRequestsPerSecond > 0) || !(deviceRequestsPerSecond > 0)) {
            throw new LocusServerException("request rates must be > 0 per second, got " + humanRequestsPerSecond
                    + " and " + deviceRequestsPerSecond);
        }
        for (Duration d : new Duration[] {silentFor, ruleInterval, measurementWindow, unverifiedFor}) {
            if (d.isNegative() || d.isZero()) {
                throw new LocusServerException("policy periods must be > 0, got " + d);
            }
        }
    }

    /**
     * As the canonical constructor, with the default number of assessment threads (kept for callers
     * written before that setting existed; prefer {@link #builder(Path)}).
     */
    public ServerConfig(
            Path dataDir,
            String bindAddress,
            int port,
            DatabaseConfig database,
            IngestPolicy ingestPolicy,
            Duration silentFor,
            Duration ruleInterval,
            double humanRequestsPerSecond,
            double deviceRequestsPerSecond,
            Duration measurementWindow,
            Duration unverifiedFor) {
        this(
                dataDir,
                bindAddress,
                port,
                database,
                ingestPolicy,
                silentFor,
                ruleInterval,
                humanRequestsPerSecond,
                deviceRequestsPerSecond,
                measurementWindow,
                unverifiedFor,
                defaultAssessmentThreads(),
                List.of());
    }

    private static int defaultAssessmentThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /**
     * Defaults: loopback, port 8080, embedded database under {@code dataDir}, live ingest policy,
     * SILENT after 6 h, UNVERIFIED after 24 h, a 24 h measurement window, rules every minute, 50
     * requests/s per person and 500/s per device token.
     */
    public static ServerConfig defaults(Path dataDir) {
        return builder(dataDir).build();
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    public Builder toBuilder() {
        Builder b = new Builder(dataDir);
        b.bindAddress = bindAddress;
        b.port = port;
        b.database = database;
        b.ingestPolicy = ingestPolicy;
        b.silentFor = silentFor;
        b.ruleInterval = ruleInterval;
        b.humanRequestsPerSecond = humanRequestsPerSecond;
        b.deviceRequestsPerSecond = deviceRequestsPerSecond;
        b.measurementWindow = measurementWindow;
        b.unverifiedFor = unverifiedFor;
        b.assessmentThreads = assessmentThreads;
        b.manufacturerCas = manufacturerCas;
        return b;
    }

    public ServerConfig withPort(int p) {
        return toBuilder().port(p).build();
    }

    public ServerConfig withBindAddress(String a) {
        return toBuilder().bindAddress(a).build();
    }

    public ServerConfig withDatabase(DatabaseConfig d) {
        return toBuilder().database(d).build();
    }

    public ServerConfig withRateLimits(double humanPerSecond, double devicePerSecond) {
        return toBuilder().rateLimits(humanPerSecond, devicePerSecond).build();
    }

    /** Sets the SILENT and UNVERIFIED policy periods. */
    public ServerConfig withAlertPeriods(Duration silent, Duration unverified) {
        return toBuilder().silentFor(silent).unverifiedFor(unverified).build();
    }

    public ServerConfig withAssessmentThreads(int n) {
        return toBuilder().assessmentThreads(n).build();
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private final Path dataDir;
        private String bindAddress = "127.0.0.1";
        private int port = 8080;
        private DatabaseConfig database;
        private IngestPolicy ingestPolicy = IngestPolicy.live();
        private Duration silentFor = Duration.ofHours(6);
        private Duration ruleInterval = Duration.ofMinutes(1);
        private double humanRequestsPerSecond = 50;
        private double deviceRequestsPerSecond = 500;
        private Duration measurementWindow = Duration.ofHours(24);
        private Duration unverifiedFor = Duration.ofHours(24);
        private int assessmentThreads = defaultAssessmentThreads();
        private List<X509Certificate> manufacturerCas = List.of();

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
            this.database = DatabaseConfig.embedded(dataDir);
        }

        public Builder bindAddress(String v) {
            bindAddress = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder database(DatabaseConfig v) {
            database = v;
            return this;
        }

        public Builder ingestPolicy(IngestPolicy v) {
            ingestPolicy = v;
            return this;
        }

        public Builder silentFor(Duration v) {
            silentFor = v;
            return this;
        }

        public Builder ruleInterval(Duration v) {
            ruleInterval = v;
            return this;
        }

        public Builder rateLimits(double humanPerSecond, double devicePerSecond) {
            humanRequestsPerSecond = humanPerSecond;
            deviceRequestsPerSecond = devicePerSecond;
            return this;
        }

        public Builder measurementWindow(Duration v) {
            measurementWindow = v;
            return this;
        }

        public Builder unverifiedFor(Duration v) {
            unverifiedFor = v;
            return this;
        }

        public Builder assessmentThreads(int v) {
            assessmentThreads = v;
            return this;
        }

        /** The manufacturer CA certificates trusted for chips' device certificates. */
        public Builder manufacturerCas(List<X509Certificate> v) {
            manufacturerCas = List.copyOf(v);
            return this;
        }

        /** @throws LocusServerException naming the first value out of range */
        public ServerConfig build() {
            return new ServerConfig(
                    dataDir,
                    bindAddress,
                    port,
                    database,
                    ingestPolicy,
                    silentFor,
                    ruleInterval,
                    humanRequestsPerSecond,
                    deviceRequestsPerSecond,
                    measurementWindow,
                    unverifiedFor,
                    assessmentThreads,
                    manufacturerCas);
        }
    }
}
