package dev.locus.server.alerts;

import dev.locus.server.audit.AuditedStore;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.persistence.Sql;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved views of the alert queue, per person: a name and an {@link AlertFilter}. Saving and
 * deleting one are in the audit log. Thread-safe.
 */
public record AlertViews(AuditedStore store) {
    /** Views one person may keep. */
    public static final int MAX_PER_OWNER = 50;

    /** One saved view; {@code query} gives the filter back through {@link AlertFilter#parse}. */
    public record SavedView(long id, String name, String query, Instant createdAt) {
        public AlertFilter filter() {
            Map<String, String> params = new HashMap<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(
                            pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return AlertFilter.parse(params::get);
        }
    }

    /**
     * Saves {@code filter} as {@code name} for {@code owner}, replacing the owner's view of that
     * name.
     *
     * @throws InvalidInputException when the name is empty or too long, or the owner keeps too many
     */
    public SavedView save(String owner, String name, AlertFilter filter) {
        String n = name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new InvalidInputException(List.of(new FieldProblem(0, "name", name, "must be 1 to 100 characters")));
        }
        String query = filter.query();
        return store.db().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM alert_views WHERE owner = ? AND name = ?")) {
                ps.setString(1, owner);
                ps.setString(2, n);
                ps.executeUpdate();
            }
            if (list(c, owner).size() >= MAX_PER_OWNER) {
                throw new InvalidInputException(List.of(new FieldProblem(
                        0, "name", n, "cannot be saved: you keep " + MAX_PER_OWNER + " views; delete one")));
            }
            long id = Sql.insertReturningId(
                    c, "INSERT INTO alert_views (owner, name, query, created_at) VALUES (?, ?, ?, ?)", ps -> {
                        ps.setString(1, owner);
                        ps.setString(2, n);
                        ps.setString(3, query);
                        Sql.setInstant(ps, 4, store.clock().instant());
                    });
            store.audit()
                    .append(
                            c,
                            owner,
                            "alert_view.saved",
                            "alert_view",
                            Long.toString(id),
                            Map.of("name", n, "query", query));
            return list(c, owner).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
        });
    }

    /** The owner's views by name. */
    public List<SavedView> list(String owner) {
        return store.db().read(c -> list(c, owner));
    }

    /** Deletes one of the owner's views; false when the owner has none with this id. */
    public boolean delete(String owner, long id) {
        return store.db().inTransaction(c -> {
            Optional<SavedView> v =
                    list(c, owner).stream().filter(x -> x.id() == id).findFirst();
            if (v.isEmpty()) {
                return false;
            }
            Sql.update(c, "DELETE FROM alert_views WHERE id = ? AND owner = ?", ps -> {
                ps.setLong(1, id);
                ps.setString(2, owner);
            });
            store.audit()
                    .append(
                            c,
                            owner,
                            "alert_view.deleted",
                            "alert_view",
                            Long.toString(id),
                            Map.of("name", v.get().name()));
            return true;
        });
    }

    private static List<SavedView> list(Connection c, String owner) throws SQLException {
        return Sql.query(
                c,
                "SELECT id, name, query, created_at FROM alert_views WHERE owner = ? ORDER BY name LIMIT ?",
                ps -> {
                    ps.setString(1, owner);
                    ps.setInt(2, MAX_PER_OWNER + 1);
                },
                rs -> new SavedView(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("query"),
                        Sql.getInstant(rs, "created_at")));
    }
}
