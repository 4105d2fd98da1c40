package dev.locus.server.registry;

import dev.locus.server.common.Page;
import dev.locus.server.persistence.RowReader;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The table of one kind of registry record, and the one implementation of storing and reading
 * records for every kind: batched inserts, updates of named columns, look-ups by text key and keyset
 * pages in key order. Table and column names are the record type's constants, never input.
 *
 * @param name the table, also the record type's plural ({@code sites})
 * @param key the key column (text)
 * @param keyOf a record's key
 * @param reader reads a stored row ({@code SELECT *})
 * @param columns the other columns an insert writes
 */
record RecordTable<T>(
        String name, String key, Function<T, String> keyOf, RowReader<T> reader, List<Column<T>> columns) {
    /** Rows sent to the database in one batch. */
    private static final int BATCH = 1000;

    RecordTable {
        columns = List.copyOf(columns);
    }

    /** Inserts {@code rows}, in batches. */
    void insert(Connection c, List<T> rows) throws SQLException {
        String sql = "INSERT INTO " + name + " (" + key + ", " + names(columns) + ") VALUES ("
                + Sql.placeholders(1 + columns.size()) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (T row : rows) {
                ps.setString(1, keyOf.apply(row));
                bind(ps, 2, columns, row);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Writes the named columns of {@code row} over the stored record with its key. */
    void update(Connection c, T row, List<String> columnNames) throws SQLException {
        List<Column<T>> set =
                columns.stream().filter(col -> columnNames.contains(col.name())).toList();
        String assignments = set.stream().map(col -> col.name() + " = ?").collect(Collectors.joining(", "));
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE " + name + " SET " + assignments + " WHERE " + key + " = ?")) {
            int next = bind(ps, 1, set, row);
            ps.setString(next, keyOf.apply(row));
            ps.executeUpdate();
        }
    }

    /** Binds {@code row}'s values of {@code set} from parameter {@code first} on; returns the next index. */
    private static <T> int bind(PreparedStatement ps, int first, List<Column<T>> set, T row) throws SQLException {
        int i = first;
        for (Column<T> col : set) {
            col.binder().bind(ps, i++, row);
        }
        return i;
    }

    private static String names(List<? extends Column<?>> set) {
        return set.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** The record with that key. */
    Optional<T> find(Connection c, String keyValue) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + name + " WHERE " + key + " = ?")) {
            ps.setString(1, keyValue);
            return reader.all(ps).stream().findFirst();
        }
    }

    /** All records with a key after {@code after}, in key order, at most {@code limit}. */
    Page<T> page(Connection c, String after, int limit) throws SQLException {
        return page(c, "", List.of(), after, limit);
    }

    /** Those records whose {@code column} is {@code value}, with a key after {@code after}, in key order. */
    Page<T> page(Connection c, String column, String value, String after, int limit) throws SQLException {
        return page(c, column + " = ? AND ", List.of(value), after, limit);
    }

    private Page<T> page(Connection c, String filter, List<String> filterValues, String after, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM " + name + " WHERE " + filter + key + " > ? ORDER BY " + key + " LIMIT ?")) {
            int i = 1;
            for (String v : filterValues) {
                ps.setString(i++, v);
            }
            ps.setString(i++, after);
            ps.setInt(i, limit + 1);
            return Page.of(reader.all(ps), limit, keyOf);
        }
    }
}
