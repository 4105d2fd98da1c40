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

    /** How records of this kind are edited; empty when they cannot be. */
    default Optional<Editing<T>> editing() {
        return Optional.empty();
    }

    /** A parsed row with the reader that reports its problems. */
    record Parsed<T>(T value, FieldReader reader) {}
}
