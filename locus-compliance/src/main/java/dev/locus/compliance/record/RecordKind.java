package dev.locus.compliance.record;

import dev.locus.server.common.FieldReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * How one kind of commercial record (orders, shipments, allocations, site capacity) is read from
 * a row, checked, stored and read back. The same code serves single API requests and bulk imports,
 * so both report the same problems with the same row and column.
 */
public interface RecordKind<T> {
    /** The table, also the name in URLs, audit actions and messages. */
    String table();

    /** The primary-key column, also the id field of a row. */
    String idColumn();

    /** Columns a listing may be narrowed by (equality), e.g. {@code buyer_id}. */
    List<String> filters();

    /** The fields a row may carry, in CSV header order. */
    List<String> fields();

    /** Reads one row; problems go to the reader. */
    T parse(FieldReader reader);

    String idOf(T row);

    /** The parties the row names, by the field that names each. */
    Map<String, String> partyFields(T row);

    /** Adds a problem for each row whose other references (an order, …) do not exist; none by default. */
    default void checkReferences(Connection c, List<Parsed<T>> rows) throws SQLException {}

    /** Stores what the row keeps outside its table (its chip serials); nothing by default. */
    default void insertChildren(Connection c, T row) throws SQLException {}

    /**
     * Inserts the rows as one batch ({@code created_at} now), then each row's children. The row
     * type is the table: each record component is the column of its name in snake case, but for a
     * list (the chip serials, which {@link #insertChildren} stores).
     */
    default void insert(Connection c, List<T> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<String> columns = Columns.of(rows.get(0).getClass());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table() + " (" + String.join(", ", columns)
                + ", created_at) VALUES (" + "?, ".repeat(columns.size()) + "CURRENT_TIMESTAMP)")) {
            for (T row : rows) {
                Columns.bindRow(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        for (T row : rows) {
            insertChildren(c, row);
        }
    }

    /** Reads the row {@code rs} stands on (with its serials, where the kind has them). */
    T read(Connection c, ResultSet rs) throws SQLException;

    /** What the audit log records of a written row. */
    Map<String, Object> auditDetails(T row);

    /** A parsed row with the reader that reports its problems. */
    record Parsed<T>(T value, FieldReader reader) {}
}
