package dev.locus.server.registry;

import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Batched existence and attribute look-ups used by reference checks. */
final class Lookups {
    private Lookups() {}

    /** The subset of {@code ids} present in {@code table.column}. */
    static Set<String> existing(Connection c, String table, String column, Collection<String> ids) throws SQLException {
        return attribute(c, table, column, column, ids).keySet();
    }

    /** {@code id -> valueColumn} for those {@code ids} present in {@code table}. */
    static Map<String, String> attribute(
            Connection c, String table, String idColumn, String valueColumn, Collection<String> ids)
            throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, String> e : Sql.queryIn(
                c,
                "SELECT " + idColumn + ", " + valueColumn + " FROM " + table + " WHERE " + idColumn,
                ids,
                rs -> Map.entry(rs.getString(1), rs.getString(2)))) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Reports rows whose id repeats an earlier row or an existing record. */
    static <T> void checkNewIds(
            Connection c,
            String table,
            String column,
            String field,
            List<RecordType.Parsed<T>> rows,
            java.util.function.Function<T, String> id)
            throws SQLException {
        Map<String, Integer> firstLine = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (RecordType.Parsed<T> p : rows) {
            String v = id.apply(p.value());
            Integer earlier = firstLine.putIfAbsent(v, p.reader().line());
            if (earlier != null) {
                p.reader().problem(field, "repeats the " + field + " of line " + earlier);
            }
            ids.add(v);
        }
        Set<String> taken = existing(c, table, column, ids);
        for (RecordType.Parsed<T> p : rows) {
            if (taken.contains(id.apply(p.value()))) {
                p.reader().problem(field, "is already registered");
            }
        }
    }
}
