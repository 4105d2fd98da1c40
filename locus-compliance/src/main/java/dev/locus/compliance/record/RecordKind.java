package dev.locus.compliance.record;

import dev.locus.server.common.FieldReader;
import java.sql.Connection;
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

    /** Inserts the rows as one batch, with what each keeps outside its table (its chip serials). */
    void insert(Connection c, List<T> rows) throws SQLException;

    /** Reads the row {@code rs} stands on (with its serials, where the kind has them). */
    T read(Connection c, ResultSet rs) throws SQLException;

    /** What the audit log records of a written row. */
    Map<String, Object> auditDetails(T row);

    /** A parsed row with the reader that reports its problems. */
    record Parsed<T>(T value, FieldReader reader) {}
}
