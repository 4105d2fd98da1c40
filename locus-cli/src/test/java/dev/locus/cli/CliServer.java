package dev.locus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.ControlPlane;
import dev.locus.server.ServerConfig;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A control plane started in this JVM on an ephemeral port over plain HTTP (loopback), and the
 * {@code locus} command run against it with its admin token: the API commands' tests go through
 * real HTTP without repeating the setup.
 */
final class CliServer implements AutoCloseable {
    private final ControlPlane cp;
    private final String url;
    private final String tokenFile;

    private CliServer(ControlPlane cp, String tokenFile) {
        this.cp = cp;
        this.url = "http://127.0.0.1:" + cp.port();
        this.tokenFile = tokenFile;
    }

    /** Starts a control plane configured by {@code config} (its port is replaced by 0). */
    static CliServer start(ServerConfig.Builder config) {
        ServerConfig c = config.port(0).build();
        ControlPlane cp = ControlPlane.start(c, InstantSource.system());
        return new CliServer(
                cp, c.dataDir().resolve(ControlPlane.ADMIN_TOKEN_FILE).toString());
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
