package dev.locus.compliance.ownership;

import dev.locus.screening.ownership.Validity;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The SQL of {@code ownership_links}; the only writer of it. Stateless. */
final class LinkStore {
    /** Most links one walk up or down the ownership graph reads before it refuses. */
    static final int MAX_LINKS_WALKED = 20_000;

    private static final String COLUMNS =
            "id, owner_id, owned_id, percent, direct, valid_from, valid_until, created_at";

    private LinkStore() {}

    static StoredLink insert(Connection c, String ownedId, LinkInput in, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ownership_links (owner_id, owned_id, percent, direct, valid_from, valid_until,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, in.ownerId());
            ps.setString(2, ownedId);
            ps.setDouble(3, in.percent());
            ps.setBoolean(4, in.direct());
            setDate(ps, 5, in.validity().from());
            setDate(ps, 6, in.validity().until());
            Sql.setInstant(ps, 7, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new StoredLink(
                        keys.getLong(1), in.ownerId(), ownedId, in.percent(), in.direct(), in.validity(), now);
            }
        }
    }

    static void delete(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM ownership_links WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /** The links whose owned party is among {@code owned}. */
    static List<StoredLink> ownersOf(Connection c, Collection<String> owned) throws SQLException {
        return byColumn(c, "owned_id", owned);
    }

    /** The links whose owner is among {@code owners}. */
    static List<StoredLink> holdingsOf(Connection c, Collection<String> owners) throws SQLException {
        return byColumn(c, "owner_id", owners);
    }

    /** Every link on a path up from {@code party} to its ultimate owners (all dates). */
    static List<StoredLink> linksAbove(Connection c, String party) throws SQLException {
        return walk(c, party, true);
    }

    /** {@code parties} and every party they own, directly or indirectly (all dates). */
    static Set<String> partiesBelow(Connection c, Collection<String> parties) throws SQLException {
        Set<String> out = new LinkedHashSet<>(parties);
        for (String p : parties) {
            for (StoredLink l : walk(c, p, false)) {
                out.add(l.ownedId());
            }
        }
        return out;
    }

    private static List<StoredLink> walk(Connection c, String start, boolean up) throws SQLException {
        List<StoredLink> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(List.of(start));
        Set<Long> links = new HashSet<>();
        List<String> frontier = List.of(start);
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (int i = 0; i < frontier.size(); i += 500) {
                List<String> chunk = frontier.subList(i, Math.min(frontier.size(), i + 500));
                for (StoredLink l : up ? ownersOf(c, chunk) : holdingsOf(c, chunk)) {
                    if (links.add(l.id())) {
                        out.add(l);
                    }
                    String other = up ? l.ownerId() : l.ownedId();
                    if (seen.add(other)) {
                        next.add(other);
                    }
                }
            }
            if (out.size() > MAX_LINKS_WALKED) {
                throw new IllegalStateException("the ownership graph around '" + start + "' has more than "
                        + MAX_LINKS_WALKED + " links; it is not analysed whole");
            }
            frontier = next;
        }
        return out;
    }

    private static List<StoredLink> byColumn(Connection c, String column, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ownership_links WHERE " + column
                + " IN (" + Sql.placeholders(ids.size()) + ") ORDER BY id")) {
            int i = 1;
            for (String id : ids) {
                ps.setString(i++, id);
            }
            List<StoredLink> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredLink(
                            rs.getLong("id"),
                            rs.getString("owner_id"),
                            rs.getString("owned_id"),
                            rs.getDouble("percent"),
                            rs.getBoolean("direct"),
                            new Validity(
                                    Optional.ofNullable(rs.getObject("valid_from", LocalDate.class)),
                                    Optional.ofNullable(rs.getObject("valid_until", LocalDate.class))),
                            Sql.getInstant(rs, "created_at")));
                }
            }
            return out;
        }
    }

    private static void setDate(PreparedStatement ps, int index, Optional<LocalDate> date) throws SQLException {
        if (date.isPresent()) {
            ps.setObject(index, date.get());
        } else {
            ps.setNull(index, Types.DATE);
        }
    }
}
