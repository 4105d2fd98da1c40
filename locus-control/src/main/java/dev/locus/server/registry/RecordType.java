package dev.locus.server.registry;

import dev.locus.server.common.FieldReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How one kind of registry record is validated, checked against the database, stored and edited:
 * one descriptor per kind ({@link Organisations#TYPE}, {@link Sites#TYPE}, ...) read by the one
 * implementation in {@link RegistryService} and {@link RecordTable}. The same code serves single
 * API requests and bulk imports, so both report the same problems.
 *
 * @param table where the records are stored; its name is the kind's plural, used in URLs, audit
 *     actions and messages, e.g. {@code sites}
 * @param fields the fields a row may carry, in CSV header order
 * @param parser reads one row; problems go to the reader
 * @param references adds a problem for each row that clashes with the database or with another row
 * @param auditDetails a short description of a stored row for the audit log (no secrets)
 * @param editing how records of this kind are edited; empty when they cannot be
 */
record RecordType<T>(
        RecordTable<T> table,
        List<String> fields,
        Parser<T> parser,
        References<T> references,
        Function<T, Map<String, Object>> auditDetails,
        Optional<Editing<T>> editing) {

    RecordType {
        fields = List.copyOf(fields);
    }

    /** A kind whose records are not edited. */
    RecordType(
            RecordTable<T> table,
            List<String> fields,
            Parser<T> parser,
            References<T> references,
            Function<T, Map<String, Object>> auditDetails) {
        this(table, fields, parser, references, auditDetails, Optional.empty());
    }

    /**
     * This kind, edited as {@code how} says.
     *
     * @throws IllegalArgumentException when an editable field is not a column of the table
     */
    RecordType<T> editedAs(Editing<T> how) {
        List<String> columns = table.columns().stream().map(Column::name).toList();
        if (!columns.containsAll(how.editable())) {
            throw new IllegalArgumentException(
                    "editable fields " + how.editable() + " must be columns of " + table.name() + ": " + columns);
        }
        return new RecordType<>(table, fields, parser, references, auditDetails, Optional.of(how));
    }

    String plural() {
        return table.name();
    }

    String idOf(T row) {
        return table.keyOf().apply(row);
    }

    /** Reads one row of a create, an import or an edit. */
    @FunctionalInterface
    interface Parser<T> {
        /**
         * @param clock gives the new record's creation time
         */
        T parse(FieldReader reader, InstantSource clock);
    }

    /** Checks parsed rows against the database and each other, reporting to each row's reader. */
    @FunctionalInterface
    interface References<T> {
        void check(Connection c, List<Parsed<T>> rows) throws SQLException;
    }

    /** A parsed row with the reader that reports its problems. */
    record Parsed<T>(T value, FieldReader reader) {}
}
