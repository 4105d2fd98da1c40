package dev.locus.server.dashboard;

import dev.locus.server.ControlPlane;
import dev.locus.server.ServerConfig;
import dev.locus.server.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.function.UnaryOperator;

/**
 * A control plane for the dashboard's tests: on a loopback port over a fresh database, with its
 * base URL, an HTTP client and the admin token it wrote. Closing it closes the control plane.
 */
record LiveServer(Path dataDir, ControlPlane cp, String base, Http http, String admin) implements AutoCloseable {
    /** On a fresh H2 database, in a temporary data folder named after {@code name}. */
    static LiveServer start(String name, UnaryOperator<ServerConfig> config) throws IOException {
        return start(name, "h2", config);
    }

    /** On a fresh database of {@code engine} ("h2" or "postgres"), the config tuned by {@code config}. */
    static LiveServer start(String name, String engine, UnaryOperator<ServerConfig> config) throws IOException {
        Path dataDir = Files.createTempDirectory(name);
        ControlPlane cp = ControlPlane.start(
                config.apply(
                        ServerConfig.defaults(dataDir).withPort(0).withDatabase(TestDatabases.freshConfig(engine))),
                InstantSource.system());
        String base = "http://127.0.0.1:" + cp.port();
        String admin =
                Files.readString(dataDir.resolve(ControlPlane.ADMIN_TOKEN_FILE)).strip();
        return new LiveServer(dataDir, cp, base, new Http(base), admin);
    }

    /** {@link DemoFleet}'s fleet registered and measured, and the measurements assessed. */
    DemoFleet demoFleet() {
        DemoFleet fleet = new DemoFleet(http, admin);
        fleet.register();
        fleet.measure();
        cp.assessPending();
        return fleet;
    }

    @Override
    public void close() {
        cp.close();
    }
}
