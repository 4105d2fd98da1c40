package dev.locus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A page of JSON objects printed as an aligned table: one column per field of the first item (in
 * the API's order), upper-cased headers, {@code -} for an absent or null value, arrays and objects
 * as compact JSON. The page is bounded by the API's limit, so widths are measured over it.
 */
final class JsonTable {
    private JsonTable() {}

    /** Prints {@code items} as a table, then {@code N what(s)} and the next cursor when there is one. */
    static void printPage(JsonNode page, String what, PrintWriter out) {
        JsonNode items = page.path("items");
        print(items, out);
        footer(page, what, out);
    }

    /** Prints {@code N what(s)} for a page, and how to get the next one when there is one. */
    static void footer(JsonNode page, String what, PrintWriter out) {
        JsonNode next = page.path("next_cursor");
        out.println(page.path("items").size() + " " + what + "(s)"
                + (next.isValueNode() && !next.isNull() ? "; more with --after " + next.asText() : ""));
    }

    /** Prints {@code items} (an array of objects) as a table; nothing for an empty array. */
    static void print(JsonNode items, PrintWriter out) {
        if (items.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>();
        items.get(0).fieldNames().forEachRemaining(columns::add);
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        columns.forEach(c -> header.add(c.toUpperCase(Locale.ROOT)));
        rows.add(header);
        for (JsonNode item : items) {
            List<String> row = new ArrayList<>();
            for (String c : columns) {
                row.add(cell(item.get(c)));
            }
            rows.add(row);
        }
        int[] widths = new int[columns.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            Iterator<String> cells = row.iterator();
            for (int i = 0; cells.hasNext(); i++) {
                String v = cells.next();
                line.append(v);
                if (cells.hasNext()) {
                    line.append(" ".repeat(widths[i] - v.length() + 2));
                }
            }
            out.println(line);
        }
    }

    private static String cell(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "-";
        }
        return v.isValueNode() ? v.asText().replace('\n', ' ') : v.toString();
    }
}
