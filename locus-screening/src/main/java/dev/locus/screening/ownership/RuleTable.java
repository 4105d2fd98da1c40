package dev.locus.screening.ownership;

import dev.locus.screening.ScreeningException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The versioned table of ownership rules (OFAC 50 Percent Rule, BIS affiliates rule, ...), read from
 * a CSV file so that a suspension or extension is a data change. {@code # table_version: ...} names
 * the table; each row is a {@link RuleVersion}.
 */
public record RuleTable(String tableVersion, List<RuleVersion> versions) {
    private static final String BUNDLED = "/dev/locus/screening/rules/ownership-rules.csv";

    public RuleTable {
        versions = List.copyOf(versions);
    }

    public static RuleTable bundled() {
        try (InputStream in = RuleTable.class.getResourceAsStream(BUNDLED)) {
            return parse("ownership-rules.csv", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScreeningException("bundled rule table unreadable", e);
        }
    }

    /** @throws ScreeningException naming file, line and field for a malformed table */
    public static RuleTable parse(String file, String text) {
        String tableVersion = text.lines()
                .filter(l -> l.startsWith("# table_version:"))
                .map(l -> l.substring("# table_version:".length()).trim())
                .findFirst()
                .orElseThrow(() ->
                        new ScreeningException(file + ":1: field table_version: missing '# table_version:' line"));
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setCommentMarker('#')
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        List<RuleVersion> out = new ArrayList<>();
        try (CSVParser p = format.parse(new StringReader(text))) {
            for (CSVRecord r : p) {
                long line = r.getParser().getCurrentLineNumber();
                out.add(new RuleVersion(
                        field(file, line, r, "rule"),
                        field(file, line, r, "version"),
                        status(file, line, field(file, line, r, "status")),
                        date(file, line, "effective_from", field(file, line, r, "effective_from")),
                        r.get("effective_until").isBlank()
                                ? Optional.empty()
                                : Optional.of(date(file, line, "effective_until", r.get("effective_until"))),
                        percent(file, line, field(file, line, r, "threshold_percent")),
                        Arrays.stream(field(file, line, r, "designations").split(";"))
                                .map(RuleVersion.DesignationFilter::parse)
                                .toList(),
                        field(file, line, r, "citation")));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof ScreeningException se) {
                throw se;
            }
            throw new ScreeningException(file + ": not a rule table: " + e.getMessage(), e);
        }
        return new RuleTable(tableVersion, out);
    }

    private static String field(String file, long line, CSVRecord r, String name) {
        String v = r.isMapped(name) ? r.get(name).trim() : "";
        if (v.isEmpty()) {
            throw new ScreeningException(file + ":" + line + ": field " + name + ": empty");
        }
        return v;
    }

    private static RuleVersion.Status status(String file, long line, String v) {
        try {
            return RuleVersion.Status.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new ScreeningException(
                    file + ":" + line + ": field status: expected IN_FORCE or SUSPENDED, got '" + v + "'");
        }
    }

    private static LocalDate date(String file, long line, String name, String v) {
        try {
            return LocalDate.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new ScreeningException(
                    file + ":" + line + ": field " + name + ": expected YYYY-MM-DD, got '" + v + "'");
        }
    }

    private static double percent(String file, long line, String v) {
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && d <= 100) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ScreeningException(
                file + ":" + line + ": field threshold_percent: expected 0 < p <= 100, got '" + v + "'");
    }

    /** The version of {@code rule} covering {@code date}, if any. */
    public Optional<RuleVersion> versionOn(String rule, LocalDate date) {
        return versions.stream()
                .filter(v -> v.rule().equals(rule) && v.coversDate(date))
                .findFirst();
    }

    public List<String> rules() {
        return versions.stream().map(RuleVersion::rule).distinct().toList();
    }
}
