package dev.locus.sim.latency;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small, strict reader of the simulator's plain comma-separated files (the latency data set, the
 * claims of an evaluation): a header that must match exactly, then rows with exactly that many
 * fields (no quoting is used by these files; a quote character is rejected rather than misread).
 * Blank lines are skipped.
 */
public final class CsvTable {

    /**
     * One row.
     *
     * @param line its line number in the file, from 1 (the header)
     * @param fields its fields, stripped of surrounding white space
     */
    public record Row(long line, String[] fields) {}

    private CsvTable() {}

    /**
     * Reads every row after the header.
     *
     * @throws DataFileException naming the file and line of a missing header or a malformed row
     */
    public static List<Row> read(BufferedReader in, String file, List<String> header) throws IOException {
        String first = in.readLine();
        if (first == null) {
            throw new DataFileException(file, 1, "file is empty; expected header " + String.join(",", header));
        }
        first = first.strip();
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        if (!first.toLowerCase(Locale.ROOT).equals(String.join(",", header))) {
            throw new DataFileException(
                    file, 1, "header must be '" + String.join(",", header) + "', got '" + first + "'");
        }
        List<Row> rows = new ArrayList<>();
        long lineNo = 1;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if (line.indexOf('"') >= 0) {
                throw new DataFileException(file, lineNo, "quoted fields are not supported in this format");
            }
            String[] fields = line.split(",", -1);
            if (fields.length != header.size()) {
                throw new DataFileException(
                        file,
                        lineNo,
                        "expected " + header.size() + " fields (" + String.join(",", header) + "), got "
                                + fields.length);
            }
            for (int i = 0; i < fields.length; i++) {
                fields[i] = fields[i].strip();
            }
            rows.add(new Row(lineNo, fields));
        }
        return rows;
    }

    /**
     * {@code value} (a field of {@code row}) as a finite number.
     *
     * @throws DataFileException naming the file, line and field when it is not one
     */
    public static double number(Row row, String file, String field, String value) {
        try {
            double v = Double.parseDouble(value);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new DataFileException(file, row.line(), field + " must be a number, got '" + value + "'", e);
        }
    }
}
