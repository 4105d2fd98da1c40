package dev.locus.compliance.record;

import dev.locus.server.common.FieldReader;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reading and checking the record's list-valued columns and references. */
final class Columns {
    private static final int CHUNK = 500;
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** Most serials one shipment or allocation row may list. */
    static final int MAX_SERIALS = 10_000;

    private Columns() {}

    /** Space- or comma-separated chip serials; empty when missing. */
    static List<String> serials(FieldReader r, String field, String raw) {
        List<String> out = split(raw);
        if (out.size() > MAX_SERIALS) {
            r.problem(field, "must list at most " + MAX_SERIALS + " serials");
            return List.of();
        }
        for (String s : out) {
            if (!SERIAL.matcher(s).matches()) {
                r.problem(field, "must be serials of 1 to 64 letters, digits or . _ : - (bad: '" + s + "')");
                return List.of();
            }
        }
        if (new HashSet<>(out).size() != out.size()) {
            r.problem(field, "must not repeat a serial");
        }
        return out;
    }

    /** Space- or comma-separated ISO alpha-2 codes; empty when missing. */
    static Set<String> countries(FieldReader r, String field, String raw) {
        Set<String> out = new java.util.TreeSet<>();
        for (String s : split(raw)) {
            String upper = s.toUpperCase(Locale.ROOT);
            if (!COUNTRY.matcher(upper).matches()) {
                r.problem(field, "must be ISO 3166-1 alpha-2 codes such as SG MY (bad: '" + s + "')");
                return Set.of();
            }
            out.add(upper);
        }
        return out;
    }

    private static List<String> split(String raw) {
        return raw.isBlank()
                ? List.of()
                : Arrays.stream(raw.strip().split("[\\s,]+")).toList();
    }

    /** The subset of {@code ids} present in {@code table.column}. */
    static Set<String> existing(Connection c, String table, String column, Collection<String> ids) throws SQLException {
        Set<String> out = new HashSet<>();
        List<String> list = new ArrayList<>(Set.copyOf(ids));
        for (int from = 0; from < list.size(); from += CHUNK) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE " + column
                    + " IN (" + Sql.placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    /** Serials of one parent row, in serial order. */
    static List<String> childSerials(Connection c, String table, String parentColumn, String parentId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT chip_serial FROM " + table + " WHERE " + parentColumn + " = ? ORDER BY chip_serial")) {
            ps.setString(1, parentId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /** Inserts (parent, serial) pairs as one batch. */
    static void insertSerials(Connection c, String table, String parentColumn, String parentId, List<String> serials)
            throws SQLException {
        if (serials.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO " + table + " (" + parentColumn + ", chip_serial) VALUES (?, ?)")) {
            for (String s : serials) {
                ps.setString(1, parentId);
                ps.setString(2, s);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
