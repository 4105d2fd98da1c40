package dev.locus.server.api;

import dev.locus.server.ServerConfig;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;

/**
 * For API tests that start one server per test, in a fresh data folder, with rate limits that
 * leave their bursts alone: {@link #start} also sets {@link #api} and {@link #admin}.
 */
abstract class ServerPerTest {
    @TempDir
    Path dataDir;

    /** The client and admin token of the server the test started last. */
    ApiClient api;

    String admin;

    LocalServer start(String engine) {
        return start(engine, c -> c.withRateLimits(1000, 1000));
    }

    /** A server configured by {@code config} instead. */
    LocalServer start(String engine, UnaryOperator<ServerConfig> config) {
        LocalServer server = LocalServer.start(dataDir, engine, config);
        api = server.api();
        admin = server.admin();
        return server;
    }
}
