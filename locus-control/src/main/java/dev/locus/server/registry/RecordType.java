package dev.locus.server.registry;

import dev.locus.server.common.FieldReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one kind of registry record is validated, checked against the database and stored. The
 * same code serves single API requests and bulk imports, so both report the same problems.
 */
interface RecordType<T> {

    /** Name used in URLs, audit actions and messages, e.g. {@code sites}. */
    String plural();

    /** The fields a row may carry, in CSV header order. */
    List<String> fields();

    /** Reads one row; problems go to the reader. */
    T parse(FieldReader reader);

    /** Adds a problem for each row that clashes with the database or with another row. */
    void checkReferences(Connection c, List<Parsed<T>> rows) throws SQLException;

    /** Inserts validated rows as one batch. */
    void insert(Connection c, List<T> rows) throws SQLException;

    /** A short description of a stored row for the audit log (no secrets). */
    Map<String, Object> auditDetails(T row);

    String idOf(T row);

    /** Fields an edit may change; empty when records of this kind cannot be edited. */
    default List<String> editable() {
        return List.of();
    }

    /** The stored record with that id, for an edit; locks nothing. */
    default Optional<T> stored(Connection c, String id) throws SQLException {
        throw new UnsupportedOperationException(plural() + " cannot be edited");
    }

    /** The stored row as the fields a create request carries (no keys, no certificates). */
    default Map<String, String> storedFields(T row) {
        throw new UnsupportedOperationException(plural() + " cannot be edited");
    }

    /** The reference checks of {@link #checkReferences} for an edited row, whose own id is taken by itself. */
    default void checkEdit(Connection c, Parsed<T> row) throws SQLException {
        throw new UnsupportedOperationException(plural() + " cannot be edited");
    }

    /** Writes the {@link #editable} columns of a validated row over the stored record. */
    default void update(Connection c, T row) throws SQLException {
        throw new UnsupportedOperationException(plural() + " cannot be edited");
    }

    /** A parsed row with the reader that reports its problems. */
    record Parsed<T>(T value, FieldReader reader) {}
}
