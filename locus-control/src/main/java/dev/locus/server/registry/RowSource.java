package dev.locus.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Turns CSV (header row first) or a JSON array of objects into {@link Row}s with line numbers. */
public final class RowSource {
    /** Bulk files larger than this are refused before parsing. */
    public static final int MAX_ROWS = 2_000_000;

    private RowSource() {}

    public enum Format {
        CSV,
        JSON;

        /** Guesses the format from a file name or content type; CSV unless it mentions json. */
        public static Format guess(String nameOrContentType) {
            return nameOrContentType.toLowerCase(java.util.Locale.ROOT).contains("json") ? JSON : CSV;
        }
    }

    public static List<Row> parse(Format format, String text, ObjectMapper json) {
        return switch (format) {
            case CSV -> csv(new StringReader(text));
            case JSON -> json(text, json);
        };
    }

    /**
     * Parses CSV with a header row; each row's line is the physical line it starts on, also when a
     * quoted value spans lines (a PEM certificate). Values are stripped of surrounding blanks.
     *
     * @throws InvalidInputException when the CSV itself is malformed
     */
    public static List<Row> csv(Reader reader) {
        // values are stripped below, after their line breaks are counted
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser =
                CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                // the parser stands on the record's last line
                int line = (int) parser.getCurrentLineNumber() - lineBreaks(record);
                if (rows.size() >= MAX_ROWS) {
                    throw new InvalidInputException(
                            List.of(new FieldProblem(line, "rows", "", "must be at most " + MAX_ROWS + " per import")));
                }
                if (record.size() != header.size()) {
                    throw new InvalidInputException(List.of(new FieldProblem(
                            line,
                            "columns",
                            Integer.toString(record.size()),
                            "must be " + header.size() + " as in the header")));
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (String h : header) {
                    fields.put(h.strip(), record.get(h).strip());
                }
                rows.add(new Row(line, fields));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InvalidInputException(
                    List.of(new FieldProblem(0, "file", "", "must be valid RFC 4180 CSV: " + e.getMessage())));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    List.of(new FieldProblem(0, "header", "", "must name each column once: " + e.getMessage())));
        }
        return rows;
    }

    private static int lineBreaks(CSVRecord record) {
        int n = 0;
        for (String v : record) {
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                if (ch == '\n' || (ch == '\r' && (i + 1 == v.length() || v.charAt(i + 1) != '\n'))) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Parses a JSON array of flat objects; each row's line is its 1-based position in the array. */
    public static List<Row> json(String text, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (IOException e) {
            throw new InvalidInputException(
                    List.of(new FieldProblem(0, "file", "", "must be a JSON array of objects: " + e.getMessage())));
        }
        if (root == null || !root.isArray()) {
            throw new InvalidInputException(
                    List.of(new FieldProblem(0, "file", "", "must be a JSON array of objects")));
        }
        if (root.size() > MAX_ROWS) {
            throw new InvalidInputException(
                    List.of(new FieldProblem(0, "rows", Integer.toString(root.size()), "must be at most " + MAX_ROWS)));
        }
        List<Row> rows = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root) {
            index++;
            if (!node.isObject()) {
                problems.add(
                        new FieldProblem(index, "record", node.getNodeType().toString(), "must be a JSON object"));
                continue;
            }
            rows.add(new Row(index, flatten(node, index, problems)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return rows;
    }

    /** Reads a JSON object's scalar members as text, reporting nested values. */
    public static Map<String, String> flatten(JsonNode node, int line, List<FieldProblem> problems) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            if (v.isContainerNode()) {
                problems.add(new FieldProblem(line, e.getKey(), v.toString(), "must be a string or number"));
                continue;
            }
            fields.put(e.getKey(), v.asText());
        }
        return fields;
    }
}
