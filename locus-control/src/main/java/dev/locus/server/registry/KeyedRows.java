package dev.locus.server.registry;

import dev.locus.server.common.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reading registry records by their text key: one record, or a keyset page in key order. One
 * implementation for every record type (the table and key names are the record type's constants,
 * never input).
 */
final class KeyedRows {
    private KeyedRows() {}

    /** Reads one row of a table. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The row whose {@code keyColumn} is {@code key}. */
    static <T> Optional<T> find(Connection c, String table, String keyColumn, String key, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE " + keyColumn + " = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Rows with a key after {@code after}, in key order, at most {@code limit}, where {@code
     * filterColumn} equals {@code filterValue}.
     */
    static <T> Page<T> page(
            Connection c,
            String table,
            String keyColumn,
            String filterColumn,
            String filterValue,
            String after,
            int limit,
            RowReader<T> reader,
            Function<T, String> key)
            throws SQLException {
        return page(c, table, keyColumn, filterColumn + " = ? AND ", List.of(filterValue), after, limit, reader, key);
    }

    private static <T> Page<T> page(
            Connection c,
            String table,
            String keyColumn,
            String filter,
            List<String> filterValues,
            String after,
            int limit,
            RowReader<T> reader,
            Function<T, String> key)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE " + filter + keyColumn
                + " > ? ORDER BY " + keyColumn + " LIMIT ?")) {
            int i = 1;
            for (String v : filterValues) {
                ps.setString(i++, v);
            }
            ps.setString(i++, after);
            ps.setInt(i, limit + 1);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
            return Page.of(out, limit, key);
        }
    }

    /** All rows in key order, a page at a time. */
    static <T> Page<T> page(
            Connection c,
            String table,
            String keyColumn,
            String after,
            int limit,
            RowReader<T> reader,
            Function<T, String> key)
            throws SQLException {
        return page(c, table, keyColumn, "", List.of(), after, limit, reader, key);
    }
}
