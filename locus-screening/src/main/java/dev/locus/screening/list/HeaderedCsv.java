package dev.locus.screening.list;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV (or TSV) file with a header row whose required columns are checked up front. */
final class HeaderedCsv {
    final String file;
    final Map<String, Integer> header;
    final List<CSVRecord> rows;

    private HeaderedCsv(String file, Map<String, Integer> header, List<CSVRecord> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    static HeaderedCsv read(String file, byte[] bytes, char delimiter, List<String> required) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(false)
                .get();
        try (CSVParser p = format.parse(new StringReader(ListFiles.text(bytes)))) {
            Map<String, Integer> header = p.getHeaderMap();
            for (String column : required) {
                if (!header.containsKey(column)) {
                    throw new ListFormatException(
                            file, 1, "field " + column + ": missing column (header has " + header.keySet() + ")");
                }
            }
            List<CSVRecord> rows = new ArrayList<>();
            for (CSVRecord r : p) {
                if (r.size() != header.size()) {
                    throw new ListFormatException(
                            file, line(r), "expected " + header.size() + " fields, got " + r.size());
                }
                rows.add(r);
            }
            return new HeaderedCsv(file, header, rows);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            if (e instanceof ListFormatException lfe) {
                throw lfe;
            }
            throw new ListFormatException(file, 0, "not a delimited file with a header: " + e.getMessage(), e);
        }
    }

    /** The 1-based line of a record, counting the header as line 1. */
    static long line(CSVRecord r) {
        return r.getRecordNumber() + 1;
    }

    String get(CSVRecord r, String column) {
        Integer i = header.get(column);
        return i == null ? "" : ListFiles.clean(r.get(i));
    }

    boolean has(String column) {
        return header.containsKey(column);
    }
}
