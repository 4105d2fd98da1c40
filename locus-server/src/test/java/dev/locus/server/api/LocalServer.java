package dev.locus.server.api;

import dev.locus.server.ControlPlane;
import dev.locus.server.ServerConfig;
import dev.locus.server.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.function.UnaryOperator;

/**
 * A control plane for the API's tests: on a loopback port over a fresh database of one engine,
 * data in {@code dataDir}, with a client and the admin token it wrote. Closing it closes the
 * control plane.
 */
record LocalServer(ControlPlane cp, ApiClient api, String admin) implements AutoCloseable {
    /** Starts one, its configuration {@link ServerConfig#defaults} tuned by {@code config}. */
    static LocalServer start(Path dataDir, String engine, UnaryOperator<ServerConfig> config) {
        ControlPlane cp = controlPlane(dataDir, engine, config);
        return new LocalServer(cp, new ApiClient(cp.port()), adminToken(dataDir));
    }

    /** Only the control plane, for tests that make their own clients. */
    static ControlPlane controlPlane(Path dataDir, String engine, UnaryOperator<ServerConfig> config) {
        return ControlPlane.start(
                config.apply(
                        ServerConfig.defaults(dataDir).withPort(0).withDatabase(TestDatabases.freshConfig(engine))),
                InstantSource.system());
    }

    /** The bootstrap admin token a control plane wrote in {@code dataDir}. */
    static String adminToken(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve(ControlPlane.ADMIN_TOKEN_FILE))
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        cp.close();
    }
}
