package dev.locus.cli;

import static dev.locus.cli.ProtocolCommandsIT.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code ./locus --help} promises, where the token comes from by default, and {@code bench jmh}. */
class LocusCliHelpTest {
    @Test
    void help_listsTheScriptsOwnCommands_andTheExitCodes() {
        ProtocolCommandsIT.Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("Commands of the ./locus script itself:")
                .containsPattern("(?m)^  test +The whole test suite")
                .containsPattern("(?m)^  build +Rebuild locus.jar")
                .containsPattern("(?m)^ +5 +The control plane refused the request")
                .containsPattern("(?m)^ +6 +The control plane could not be reached")
                .containsPattern("(?m)^ +alerts ")
                .containsPattern("(?m)^ +tokens ")
                .containsPattern("(?m)^ +orders ")
                .containsPattern("(?m)^ +shipments ")
                .containsPattern("(?m)^ +allocations ")
                .containsPattern("(?m)^ +site-capacity ")
                .containsPattern("(?m)^ +findings ")
                .containsPattern("(?m)^ +cases ");
    }

    @Test
    void theDefaultTokenFile_isTheNewerOfTheServersAndTheDemos(@TempDir Path dir) throws Exception {
        Path server = dir.resolve("admin-token");
        Path demo = dir.resolve("demo-admin-token");
        assertThat(ApiOptions.newestReadable(List.of(server, demo))).isNull();
        Files.writeString(server, "a\n");
        assertThat(ApiOptions.newestReadable(List.of(server, demo))).isEqualTo(server);
        Files.writeString(demo, "b\n");
        Files.setLastModifiedTime(server, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(demo, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        assertThat(ApiOptions.newestReadable(List.of(server, demo))).isEqualTo(demo);
        Files.setLastModifiedTime(server, FileTime.from(Instant.parse("2026-01-03T00:00:00Z")));
        assertThat(ApiOptions.newestReadable(List.of(server, demo))).isEqualTo(server);
        // where ./locus demo (DemoCommand's default --data-dir) and ./locus server write them
        assertThat(ApiOptions.DEFAULT_TOKEN_FILES)
                .containsExactly(
                        Path.of("locus-data", dev.locus.server.ControlPlane.ADMIN_TOKEN_FILE),
                        Path.of("locus-data/demo", dev.locus.demo.DemoRunner.ADMIN_TOKEN_FILE));
    }

    @Test
    void benchJmh_listsTheMicroBenchmarks() {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ProtocolCommandsIT.Run r;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            r = run("bench", "jmh", "-l");
        } finally {
            System.setOut(saved);
        }
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("dev.locus.bench.VerdictBenchmark")
                .contains("dev.locus.bench.protocol.ProofBenchmark");
        ProtocolCommandsIT.Run none = run("bench", "jmh", "NoSuchBenchmarkAnywhere");
        assertThat(none.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(none.err()).contains("no JMH benchmark matches");
    }
}
