package dev.locus.server.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Small JDBC conversions shared by the repositories; portable between H2 and PostgreSQL. */
public final class Sql {
    /** Most placeholders in one {@code IN} list of {@link #queryIn}. */
    public static final int IN_CHUNK = 500;

    private Sql() {}

    /** {@code n} JDBC placeholders for an {@code IN (...)} list: {@code ?,?,?}. */
    public static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    /** Sets the parameters of one statement. */
    @FunctionalInterface
    public interface Parameters {
        void set(PreparedStatement ps) throws SQLException;
    }

    /**
     * Runs one INSERT into a table whose {@code id} the database generates, and returns that id.
     *
     * @throws SQLException as the statement throws it
     */
    public static long insertReturningId(java.sql.Connection c, String insert, Parameters parameters)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insert, new String[] {"id"})) {
            parameters.set(ps);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * Runs one INSERT, UPDATE or DELETE with {@code parameters} set.
     *
     * @return the number of rows it changed
     * @throws SQLException as the statement throws it
     */
    public static int update(java.sql.Connection c, String sql, Parameters parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            parameters.set(ps);
            return ps.executeUpdate();
        }
    }

    /**
     * Runs {@code sql} with {@code parameters} set and reads every row it returns, in order.
     *
     * @throws SQLException as the query throws it
     */
    public static <T> List<T> query(java.sql.Connection c, String sql, Parameters parameters, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            parameters.set(ps);
            return reader.all(ps);
        }
    }

    /**
     * The rows of {@code selectWhere + " IN (…)"} over the distinct {@code values}, run in chunks of
     * {@value #IN_CHUNK} placeholders, e.g. {@code queryIn(c, "SELECT id, kind FROM organisations
     * WHERE id", ids, reader)}.
     *
     * @throws SQLException as a query throws it
     */
    public static <T> List<T> queryIn(
            java.sql.Connection c, String selectWhere, Collection<String> values, RowReader<T> reader)
            throws SQLException {
        List<T> out = new ArrayList<>();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(values));
        for (int from = 0; from < distinct.size(); from += IN_CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + IN_CHUNK));
            try (PreparedStatement ps = c.prepareStatement(selectWhere + " IN (" + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                out.addAll(reader.all(ps));
            }
        }
        return out;
    }

    /**
     * The first column's values of {@code selectWhere + " IN (…)"} over the distinct {@code values}
     * ({@link #queryIn}), e.g. {@code stringsIn(c, "SELECT id FROM orders WHERE id", ids)}.
     *
     * @throws SQLException as a query throws it
     */
    public static Set<String> stringsIn(java.sql.Connection c, String selectWhere, Collection<String> values)
            throws SQLException {
        return new LinkedHashSet<>(queryIn(c, selectWhere, values, rs -> rs.getString(1)));
    }

    /** Copies the text {@code columns} of the current row into {@code row}, each under its own name. */
    public static void copyText(ResultSet rs, Map<String, Object> row, String... columns) throws SQLException {
        for (String column : columns) {
            row.put(column, rs.getString(column));
        }
    }

    /**
     * Whether the connection is to PostgreSQL (else embedded H2 in PostgreSQL mode): for the few
     * statements whose portable form behaves differently under concurrency (upserts).
     */
    public static boolean isPostgres(java.sql.Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
    }

    /** Both databases keep microseconds; truncate before storing so values round-trip exactly. */
    public static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        ps.setObject(index, OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC));
    }

    public static void setOptionalInstant(PreparedStatement ps, int index, Optional<Instant> instant)
            throws SQLException {
        if (instant.isPresent()) {
            setInstant(ps, index, instant.get());
        } else {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    public static void setOptionalString(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    public static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        if (t == null) {
            throw new SQLException("column " + column + " is NULL where a timestamp is required");
        }
        return t.toInstant();
    }

    public static Optional<Instant> getOptionalInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
    }

    public static Optional<String> getOptionalString(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    /**
     * True when a transaction failed only because of a concurrent one and may simply be run again:
     * a unique violation (23505), a deadlock (40P01) or a serialisation failure (40001), and the
     * embedded database's forms of the same: a row another transaction updated first (H2 90131) or
     * a row lock not granted in time (H2 50200, SQLSTATE HYT00), after which H2 rolls the statement back.
     */
    public static boolean isRetryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && RETRYABLE_STATES.contains(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> RETRYABLE_STATES =
            java.util.Set.of("23505", "40P01", "40001", "90131", "HYT00");

    /** True when {@code e} (or a cause) is a unique or primary-key violation (SQLSTATE 23505). */
    public static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
