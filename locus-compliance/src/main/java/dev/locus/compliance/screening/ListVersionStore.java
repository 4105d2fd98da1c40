package dev.locus.compliance.screening;

import dev.locus.screening.list.ListDiff;
import dev.locus.screening.list.ListVersion;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of {@code screening_list_versions}; the only writer of it. Stateless. */
final class ListVersionStore {
    private ListVersionStore() {}

    /**
     * Records a version unless this source's file (by hash) is stored already.
     *
     * @return true when it was new
     */
    static boolean record(Connection c, ListVersion v, Optional<ListDiff> diff, Instant now) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT 1 FROM screening_list_versions WHERE source = ? AND sha256 = ?")) {
            ps.setString(1, v.source());
            ps.setString(2, v.sha256());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO screening_list_versions (source, published_on,"
                + " sha256, entry_count, added, removed, changed, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, v.source());
            if (v.publishedOn().isPresent()) {
                ps.setObject(2, v.publishedOn().get());
            } else {
                ps.setNull(2, Types.DATE);
            }
            ps.setString(3, v.sha256());
            ps.setInt(4, v.entryCount());
            setCount(ps, 5, diff.map(d -> d.added().size()));
            setCount(ps, 6, diff.map(d -> d.removed().size()));
            setCount(ps, 7, diff.map(d -> d.changed().size()));
            Sql.setInstant(ps, 8, now);
            ps.executeUpdate();
        }
        return true;
    }

    /** Every stored version, newest first (a handful per source). */
    static List<StoredListVersion> all(Connection c) throws SQLException {
        List<StoredListVersion> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, source, published_on, sha256, entry_count, added,"
                        + " removed, changed, loaded_at FROM screening_list_versions ORDER BY id DESC LIMIT 1000");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredListVersion(
                        rs.getLong("id"),
                        rs.getString("source"),
                        Optional.ofNullable(rs.getObject("published_on", LocalDate.class)),
                        rs.getString("sha256"),
                        rs.getInt("entry_count"),
                        count(rs, "added"),
                        count(rs, "removed"),
                        count(rs, "changed"),
                        Sql.getInstant(rs, "loaded_at")));
            }
        }
        return out;
    }

    private static Optional<Integer> count(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    private static void setCount(PreparedStatement ps, int index, Optional<Integer> n) throws SQLException {
        if (n.isPresent()) {
            ps.setInt(index, n.get());
        } else {
            ps.setNull(index, Types.INTEGER);
        }
    }
}
