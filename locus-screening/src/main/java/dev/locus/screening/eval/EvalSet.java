package dev.locus.screening.eval;

import dev.locus.screening.ScreeningException;
import dev.locus.screening.match.Query;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The name-screening evaluation set (yente's candidate-generation fixtures, half of them): positives
 * against the UN list as listed ("untreated") and with typos, swaps, moved spaces and reordering
 * ("treated"), and synthetic negatives. Columns: full_name, first_name, middle_name, last_name,
 * gender, date_of_birth, place_of_birth, nationality[, expected_reference_number].
 */
public record EvalSet(List<Row> untreated, List<Row> treated, List<Row> negatives) {
    private static final String BUNDLED = "/dev/locus/screening/data/eval/";

    /** One query of the set, with its 1-based row number and expected UN reference numbers (empty for negatives). */
    public record Row(int row, Query query, Set<String> expected) {}

    public static EvalSet bundled() {
        return new EvalSet(
                rows("positives-un-untreated.csv", open(BUNDLED + "positives-un-untreated.csv")),
                rows("positives-un-treated.csv", open(BUNDLED + "positives-un-treated.csv")),
                concat(
                        rows("negatives-us.csv", open(BUNDLED + "negatives-us.csv")),
                        rows("negatives-global.csv", open(BUNDLED + "negatives-global.csv"))));
    }

    /** Reads queries from a CSV file with (at least) the column full_name. */
    public static List<Row> read(Path file) {
        try {
            return rows(file.toString(), Files.newInputStream(file));
        } catch (IOException e) {
            throw new ScreeningException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static List<Row> concat(List<Row> a, List<Row> b) {
        List<Row> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static InputStream open(String resource) {
        InputStream in = EvalSet.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("bundled eval file missing: " + resource);
        }
        return in;
    }

    static List<Row> rows(String file, InputStream in) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser p = format.parse(r)) {
            if (!p.getHeaderMap().containsKey("full_name")) {
                throw new ScreeningException(file + ":1: field full_name: missing column");
            }
            boolean hasDob = p.getHeaderMap().containsKey("date_of_birth");
            boolean hasNat = p.getHeaderMap().containsKey("nationality");
            boolean hasExp = p.getHeaderMap().containsKey("expected_reference_number");
            List<Row> out = new ArrayList<>();
            for (CSVRecord rec : p) {
                int row = (int) rec.getRecordNumber();
                String name = rec.get("full_name");
                if (name.isBlank()) {
                    throw new ScreeningException(file + ":" + (row + 1) + ": field full_name: empty");
                }
                Set<String> expected = hasExp
                        ? Arrays.stream(rec.get("expected_reference_number").split(";"))
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .collect(Collectors.toUnmodifiableSet())
                        : Set.of();
                out.add(new Row(
                        row,
                        Query.of(name, hasNat ? rec.get("nationality") : "", hasDob ? rec.get("date_of_birth") : ""),
                        expected));
            }
            return out;
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new ScreeningException(file + ": not a CSV with a header: " + e.getMessage(), e);
        }
    }
}
