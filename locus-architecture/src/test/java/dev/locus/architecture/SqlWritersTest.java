package dev.locus.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Who writes which table, read from the SQL in every module's main sources: each guarded table has
 * one writing package. A failure names the file, the line and the statement.
 */
class SqlWritersTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern WRITE =
            Pattern.compile("\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+([a-z_]+)");

    /**
     * Load harnesses seed a fresh, throw-away database in bulk (a million rows in minutes) before they
     * time the product's own readers and writers; they are no writer of a running control plane.
     */
    private static final Path LOAD_HARNESSES = Path.of("benchmarks/src/main/java/dev/locus/bench/load");

    /** Table to the one source folder (package) whose SQL may write it. */
    private static final Map<String, String> WRITERS = Map.ofEntries(
            Map.entry("chip_window", "locus-control/src/main/java/dev/locus/server/ingest/"),
            Map.entry("verdict_periods", "locus-control/src/main/java/dev/locus/server/verdicts/"),
            Map.entry("alerts", "locus-control/src/main/java/dev/locus/server/alerts/"),
            Map.entry("alert_views", "locus-control/src/main/java/dev/locus/server/alerts/"),
            Map.entry("notification_subscriptions", "locus-control/src/main/java/dev/locus/server/notify/"),
            Map.entry("notification_deliveries", "locus-control/src/main/java/dev/locus/server/notify/"),
            Map.entry("notification_attempts", "locus-control/src/main/java/dev/locus/server/notify/"),
            Map.entry("parties", "locus-compliance/src/main/java/dev/locus/compliance/parties/"),
            Map.entry("party_details", "locus-compliance/src/main/java/dev/locus/compliance/parties/"),
            Map.entry("ownership_links", "locus-compliance/src/main/java/dev/locus/compliance/ownership/"),
            Map.entry("orders", "locus-compliance/src/main/java/dev/locus/compliance/record/"),
            Map.entry("shipments", "locus-compliance/src/main/java/dev/locus/compliance/record/"),
            Map.entry("allocations", "locus-compliance/src/main/java/dev/locus/compliance/record/"),
            Map.entry("site_capacity", "locus-compliance/src/main/java/dev/locus/compliance/record/"),
            Map.entry("screening_hits", "locus-compliance/src/main/java/dev/locus/compliance/screening/"),
            Map.entry("screening_list_versions", "locus-compliance/src/main/java/dev/locus/compliance/screening/"),
            Map.entry("findings", "locus-compliance/src/main/java/dev/locus/compliance/findings/"),
            Map.entry("cases", "locus-compliance/src/main/java/dev/locus/compliance/cases/"),
            Map.entry("case_notes", "locus-compliance/src/main/java/dev/locus/compliance/cases/"));

    @Test
    void everyGuardedTable_isWrittenByOnePackage() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> ROOT.relativize(f).toString().contains("/src/main/"))
                    .filter(f -> !ROOT.relativize(f).startsWith(LOAD_HARNESSES))
                    .forEach(f -> offending.addAll(foreignWrites(f)));
        }
        assertThat(offending).as("writes outside the owning package " + WRITERS).isEmpty();
    }

    @Test
    void theScan_seesTheOwnersOwnWrites() throws IOException {
        // guards the scan itself: the owners' SQL must be found where it is
        for (Map.Entry<String, String> e : WRITERS.entrySet()) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(e.getValue()))) {
                assertThat(files.filter(f -> writes(f, e.getKey())).count())
                        .as("files in %s writing %s", e.getValue(), e.getKey())
                        .isPositive();
            }
        }
    }

    private static List<String> foreignWrites(Path file) {
        String rel = ROOT.relativize(file).toString();
        List<String> out = new ArrayList<>();
        List<String> lines = read(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = WRITE.matcher(lines.get(i));
            while (m.find()) {
                String owner = WRITERS.get(m.group(2).toLowerCase(java.util.Locale.ROOT));
                if (owner != null && !rel.startsWith(owner)) {
                    out.add(rel + ":" + (i + 1) + ": " + m.group());
                }
            }
        }
        return out;
    }

    private static boolean writes(Path file, String table) {
        return read(file).stream().anyMatch(l -> {
            Matcher m = WRITE.matcher(l);
            while (m.find()) {
                if (m.group(2).equalsIgnoreCase(table)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static List<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
