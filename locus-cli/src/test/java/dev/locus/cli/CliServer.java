package dev.locus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.ControlPlane;
import dev.locus.server.ServerConfig;
import dev.locus.wire.LocusClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A control plane started in this JVM on an ephemeral port over plain HTTP (loopback), and the
 * {@code locus} command run against it with its admin token: the API commands' tests go through
 * real HTTP without repeating the setup. Either {@link #start started} by a test, or registered as
 * an extension ({@link #perClass}) that starts it in a fresh directory before a test class's tests,
 * and closes it and deletes the directory after them.
 */
final class CliServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    /** Makes the server's configuration in a fresh directory (the test's files may go there too). */
    interface Config {
        ServerConfig.Builder make(Path dir) throws Exception;
    }

    private final Config config;
    private Path dir;
    private ControlPlane cp;
    private String url;
    private String tokenFile;

    private CliServer(Config config) {
        this.config = config;
    }

    /** Starts a control plane configured by {@code config} (its port is replaced by 0). */
    static CliServer start(ServerConfig.Builder config) {
        CliServer server = new CliServer(dir -> config);
        server.launch(config);
        return server;
    }

    /**
     * A control plane for a test class: registered with {@code @RegisterExtension} on a static field,
     * started with the configuration {@code config} makes before the class's tests, closed after them.
     */
    static CliServer perClass(Config config) {
        return new CliServer(config);
    }

    /** {@link #perClass(Config)} with the default configuration, data in {@code DIR/cp}. */
    static CliServer perClass() {
        return perClass(dir -> ServerConfig.builder(dir.resolve("cp")));
    }

    private void launch(ServerConfig.Builder builder) {
        ServerConfig c = builder.port(0).build();
        cp = ControlPlane.start(c, InstantSource.system());
        url = "http://127.0.0.1:" + cp.port();
        tokenFile = c.dataDir().resolve(ControlPlane.ADMIN_TOKEN_FILE).toString();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("locus-cli-it-");
        launch(config.make(dir));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The directory a {@link #perClass} server was started in, for the test's own files. */
    Path dir() {
        return dir;
    }

    /** The server's base URL, {@code http://127.0.0.1:PORT}. */
    String url() {
        return url;
    }

    /** The control plane itself, for a test to wait on its background work. */
    ControlPlane controlPlane() {
        return cp;
    }

    /** The file holding the admin token. */
    String tokenFile() {
        return tokenFile;
    }

    /** An API client with the admin token, for what a test sets up without the command line. */
    LocusClient client() throws IOException {
        return LocusClient.builder(url)
                .token(Files.readString(Path.of(tokenFile)).strip())
                .build();
    }

    /** Runs {@code locus ARGS... --server URL --token-file ADMIN}. */
    ProtocolCommandsIT.Run api(String... args) {
        return as(tokenFile, args);
    }

    /** Runs {@code locus ARGS... --server URL --token-file FILE}. */
    ProtocolCommandsIT.Run as(String file, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", url, "--token-file", file));
        return ProtocolCommandsIT.run(all.toArray(String[]::new));
    }

    /**
     * Runs {@code locus register landmark} at LAT,LON (decimal degrees) with its key given by {@code
     * key}: {@code --public-key BASE64} and/or {@code --certificate PEM}.
     */
    ProtocolCommandsIT.Run registerLandmark(String id, String name, String lat, String lon, String... key) {
        List<String> args = new ArrayList<>(List.of(
                "register", "landmark", "--id", id, "--name", name, "--latitude-deg", lat, "--longitude-deg", lon));
        args.addAll(List.of(key));
        return api(args.toArray(String[]::new));
    }

    /** Asserts that the control plane refused the run (exit 5, nothing on stdout); then its stderr. */
    static AbstractStringAssert<?> refused(ProtocolCommandsIT.Run r) {
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(r.out()).isEmpty();
        return assertThat(r.err());
    }

    /** The stdout of a run that must succeed. */
    static String ok(ProtocolCommandsIT.Run r) {
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out();
    }

    @Override
    public void close() {
        cp.close();
    }
}
