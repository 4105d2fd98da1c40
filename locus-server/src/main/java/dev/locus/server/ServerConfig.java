package dev.locus.server;

import dev.locus.server.ingest.IngestPolicy;
import dev.locus.server.persistence.DatabaseConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a control plane runs.
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
        Duration unverifiedFor) {

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new LocusServerException("port must be in [0, 65535], got " + port);
        }
    }

    /** Defaults: loopback, port 8080, embedded database under {@code dataDir}, 6 h silence, 1 min rule runs. */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig(
                dataDir,
                "127.0.0.1",
                8080,
                DatabaseConfig.embedded(dataDir),
                IngestPolicy.live(),
                Duration.ofHours(6),
                Duration.ofMinutes(1),
                50,
                500,
                Duration.ofHours(24),
                Duration.ofHours(24));
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(
                dataDir,
                bindAddress,
                p,
                database,
                ingestPolicy,
                silentFor,
                ruleInterval,
                humanRequestsPerSecond,
                deviceRequestsPerSecond,
                measurementWindow,
                unverifiedFor);
    }

    public ServerConfig withBindAddress(String a) {
        return new ServerConfig(
                dataDir,
                a,
                port,
                database,
                ingestPolicy,
                silentFor,
                ruleInterval,
                humanRequestsPerSecond,
                deviceRequestsPerSecond,
                measurementWindow,
                unverifiedFor);
    }

    public ServerConfig withDatabase(DatabaseConfig d) {
        return new ServerConfig(
                dataDir,
                bindAddress,
                port,
                d,
                ingestPolicy,
                silentFor,
                ruleInterval,
                humanRequestsPerSecond,
                deviceRequestsPerSecond,
                measurementWindow,
                unverifiedFor);
    }

    public ServerConfig withRateLimits(double humanPerSecond, double devicePerSecond) {
        return new ServerConfig(
                dataDir,
                bindAddress,
                port,
                database,
                ingestPolicy,
                silentFor,
                ruleInterval,
                humanPerSecond,
                devicePerSecond,
                measurementWindow,
                unverifiedFor);
    }

    /** Sets the SILENT and UNVERIFIED policy periods. */
    public ServerConfig withAlertPeriods(Duration silent, Duration unverified) {
        return new ServerConfig(
                dataDir,
                bindAddress,
                port,
                database,
                ingestPolicy,
                silent,
                ruleInterval,
                humanRequestsPerSecond,
                deviceRequestsPerSecond,
                measurementWindow,
                unverified);
    }
}
