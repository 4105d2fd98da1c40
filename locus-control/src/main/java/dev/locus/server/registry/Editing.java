package dev.locus.server.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How one kind of registry record is edited ({@link RegistryService#update}): the stored record is
 * read and written through the kind's {@link RecordTable}.
 *
 * @param editable the fields an edit may change, also the columns it writes
 * @param fields a stored record as the fields a create request carries (no keys, no certificates)
 * @param check the reference checks of {@link RecordType#references} for an edited row, whose own
 *     id is taken by itself
 */
record Editing<T>(List<String> editable, Function<T, Map<String, String>> fields, Check<T> check) {
    Editing {
        editable = List.copyOf(editable);
    }

    /** Checks an edited row in the edit's transaction, reporting to its reader. */
    @FunctionalInterface
    interface Check<T> {
        void run(Connection c, RecordType.Parsed<T> row) throws SQLException;
    }
}
