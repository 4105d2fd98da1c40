package dev.locus.landmark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A fresh softhsm2 token for integration tests (same as locus-protocol's test helper), in the directory named by {@code SOFTHSM2_CONF}
 * (set by failsafe for this module). Tests are skipped, saying why, where softhsm2 is not
 * installed; CI installs it ({@code apt-get install -y softhsm2}).
 */
final class SoftHsm {
    public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    public static final String PIN = "1234";

    private SoftHsm() {}

    /** Initialises a new, empty token with this label and returns its slot id. */
    public static long freshToken(String label) throws IOException, InterruptedException {
        assumeTrue(Files.isReadable(LIBRARY), "softhsm2 is not installed (apt-get install -y softhsm2)");
        String conf = System.getenv("SOFTHSM2_CONF");
        assumeTrue(conf != null, "SOFTHSM2_CONF is not set (run through failsafe: ./mvnw verify)");
        Path dir = Path.of(conf).getParent();
        Path tokens = dir.resolve("tokens-" + label);
        if (Files.exists(tokens)) {
            try (Stream<Path> s = Files.walk(tokens)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(
                Path.of(conf),
                "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        Process p = new ProcessBuilder(
                        "softhsm2-util", "--init-token", "--free", "--label", label, "--pin", PIN, "--so-pin", "5678")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("softhsm2-util --init-token failed: " + out);
        }
        var m = java.util.regex.Pattern.compile("reassigned to slot (\\d+)").matcher(out);
        if (!m.find()) {
            throw new IOException("softhsm2-util did not name the token's slot: " + out);
        }
        return Long.parseLong(m.group(1));
    }
}
