package dev.locus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/**
 * JSON items printed as rows of fixed-width columns under a header line.
 *
 * @param format a printf format with one {@code %s} conversion per column, ending in {@code %n}
 * @param headers the column headers
 * @param cells the cells of an item's row, one per column
 */
record FixedTable(String format, List<String> headers, Function<JsonNode, List<String>> cells) {
    /** Prints the header line, then one row per item of the array {@code items}. */
    void printRows(JsonNode items, PrintWriter out) {
        header(out);
        items.forEach(item -> row(item, out));
    }

    /** Prints the header line and the row of one item. */
    void printItem(JsonNode item, PrintWriter out) {
        header(out);
        row(item, out);
    }

    private void header(PrintWriter out) {
        out.printf(format, headers.toArray());
    }

    private void row(JsonNode item, PrintWriter out) {
        out.printf(format, cells.apply(item).toArray());
    }

    /** An item's subject as one cell: {@code TYPE ID}. */
    static String subject(JsonNode item) {
        return item.path("subject_type").asText() + " "
                + item.path("subject_id").asText();
    }
}
