package dev.locus.server.registry;

import dev.locus.server.Bytes;
import dev.locus.server.persistence.Sql;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * One column of a registry table and how a record's value is written to it.
 *
 * @param name the column's name (a constant of the record type, never input)
 * @param binder sets a record's value as a statement parameter
 */
record Column<T>(String name, Binder<T> binder) {

    /** Sets {@code row}'s value of the column as parameter {@code index}. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement ps, int index, T row) throws SQLException;
    }

    static <T> Column<T> text(String name, Function<T, String> value) {
        return new Column<>(name, (ps, i, row) -> ps.setString(i, value.apply(row)));
    }

    /** Text, NULL when empty. */
    static <T> Column<T> optionalText(String name, Function<T, Optional<String>> value) {
        return new Column<>(name, (ps, i, row) -> Sql.setOptionalString(ps, i, value.apply(row)));
    }

    /** An enum constant's name. */
    static <T> Column<T> enumName(String name, Function<T, Enum<?>> value) {
        return new Column<>(
                name, (ps, i, row) -> ps.setString(i, value.apply(row).name()));
    }

    static <T> Column<T> integer(String name, ToIntFunction<T> value) {
        return new Column<>(name, (ps, i, row) -> ps.setInt(i, value.applyAsInt(row)));
    }

    static <T> Column<T> real(String name, ToDoubleFunction<T> value) {
        return new Column<>(name, (ps, i, row) -> ps.setDouble(i, value.applyAsDouble(row)));
    }

    static <T> Column<T> date(String name, Function<T, LocalDate> value) {
        return new Column<>(name, (ps, i, row) -> ps.setObject(i, value.apply(row)));
    }

    /** An instant, stored with microseconds ({@link Sql#setInstant}). */
    static <T> Column<T> instant(String name, Function<T, Instant> value) {
        return new Column<>(name, (ps, i, row) -> Sql.setInstant(ps, i, value.apply(row)));
    }

    /** An instant, NULL when empty. */
    static <T> Column<T> optionalInstant(String name, Function<T, Optional<Instant>> value) {
        return new Column<>(name, (ps, i, row) -> Sql.setOptionalInstant(ps, i, value.apply(row)));
    }

    /** Binary, NULL when empty. */
    static <T> Column<T> bytes(String name, Function<T, Optional<Bytes>> value) {
        return new Column<>(name, (ps, i, row) -> {
            Optional<Bytes> bytes = value.apply(row);
            if (bytes.isPresent()) {
                ps.setBytes(i, bytes.get().toArray());
            } else {
                ps.setNull(i, Types.BINARY);
            }
        });
    }
}
