package dev.locus.cli;

import static dev.locus.cli.ProtocolCommandsIT.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code locus server}'s TLS options as an operator meets them: a non-loopback bind without TLS is
 * refused with a message naming the way out, before anything is opened, and contradictory TLS
 * options are refused. (The refusals return at once; the timeout only guards against a server that
 * would start and wait.)
 */
class ServerTlsOptionsIT {

    @Test
    void plainBindOnAllInterfaces_isRefusedBeforeTheDatabaseOpens(@TempDir Path dir) {
        Path data = dir.resolve("data");
        ProtocolCommandsIT.Run r = assertTimeoutPreemptively(
                Duration.ofMinutes(3),
                () -> run("server", "--data-dir", data.toString(), "--bind", "0.0.0.0", "--port", "0"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .contains("refusing to serve the API in plain HTTP on 0.0.0.0")
                .contains("--tls-cert")
                .contains("--insecure-http");
        assertThat(Files.exists(data.resolve("admin-token"))).isFalse();
    }

    @Test
    void contradictoryTlsOptions_areRefusedNamingThem(@TempDir Path dir) {
        String data = dir.resolve("data").toString();
        ProtocolCommandsIT.Run certOnly = assertTimeoutPreemptively(
                Duration.ofMinutes(1),
                () -> run(
                        "server",
                        "--data-dir",
                        data,
                        "--port",
                        "0",
                        "--tls-cert",
                        dir.resolve("c.pem").toString()));
        assertThat(certOnly.exit()).isEqualTo(1);
        assertThat(certOnly.err()).contains("--tls-cert and --tls-key go together");

        ProtocolCommandsIT.Run both = assertTimeoutPreemptively(
                Duration.ofMinutes(1),
                () -> run("server", "--data-dir", data, "--port", "0", "--tls-self-signed", "--insecure-http"));
        assertThat(both.exit()).isEqualTo(1);
        assertThat(both.err()).contains("--insecure-http contradicts TLS");
    }
}
