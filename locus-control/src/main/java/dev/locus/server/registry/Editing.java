package dev.locus.server.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How one kind of registry record is edited ({@link RegistryService#update}).
 *
 * @param editable the fields an edit may change
 * @param find the stored record with an id
 * @param fields a stored record as the fields a create request carries (no keys, no certificates)
 * @param check the reference checks of {@link RecordType#checkReferences} for an edited row, whose
 *     own id is taken by itself
 * @param update writes the editable columns of a validated row over the stored record
 */
record Editing<T>(
        List<String> editable,
        Find<T> find,
        Function<T, Map<String, String>> fields,
        Step<RecordType.Parsed<T>> check,
        Step<T> update) {

    /** Reads one stored record in the edit's transaction. */
    @FunctionalInterface
    interface Find<T> {
        Optional<T> find(Connection c, String id) throws SQLException;
    }

    /** A step against the database in the edit's transaction. */
    @FunctionalInterface
    interface Step<A> {
        void run(Connection c, A argument) throws SQLException;
    }
}
