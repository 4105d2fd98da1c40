package dev.locus.server.persistence;

import dev.locus.server.common.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Keyset pages over a table with a numeric {@code id}: rows after a cursor, in id order, narrowed
 * by equality filters that are added only when given. One implementation for every listing by id
 * (receipts, peer round trips, notification deliveries).
 */
public final class IdPages {
    private IdPages() {}

    /**
     * A condition on the rows, with one {@code ?} per value.
     *
     * @param sql e.g. {@code chip_serial = ?}
     */
    public record Filter(String sql, List<?> values) {
        public Filter {
            values = List.copyOf(values);
            if (sql.chars().filter(ch -> ch == '?').count() != values.size()) {
                throw new IllegalArgumentException("filter " + sql + " needs " + values.size() + " placeholders");
            }
        }

        /** {@code column = value}, {@code value} bound as its type (text, number). */
        public static Filter equal(String column, Object value) {
            return new Filter(column + " = ?", List.of(value));
        }
    }

    /**
     * @param selectFrom {@code SELECT columns FROM table}
     * @param filters conditions that all hold
     * @param afterId the cursor: rows with a larger id
     * @param limit most rows on the page
     */
    public static <T> Page<T> read(
            Connection c,
            String selectFrom,
            List<Filter> filters,
            long afterId,
            int limit,
            RowReader<T> reader,
            ToLongFunction<T> id)
            throws SQLException {
        StringBuilder sql = new StringBuilder(selectFrom).append(" WHERE id > ?");
        for (Filter f : filters) {
            sql.append(" AND ").append(f.sql());
        }
        sql.append(" ORDER BY id LIMIT ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setLong(i++, afterId);
            for (Filter f : filters) {
                for (Object v : f.values()) {
                    ps.setObject(i++, v);
                }
            }
            ps.setInt(i, limit + 1);
            return Page.of(reader.all(ps), limit, r -> Long.toString(id.applyAsLong(r)));
        }
    }
}
