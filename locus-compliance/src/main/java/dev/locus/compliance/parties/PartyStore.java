package dev.locus.compliance.parties;

import dev.locus.server.common.Page;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of {@code parties} and {@code party_details}; the only writer of both. Stateless. */
final class PartyStore {
    /** The lists of a party as rows of {@code party_details}. */
    enum Detail {
        NAME,
        ALIAS,
        REGISTRATION_NUMBER,
        ADDRESS
    }

    private static final String COLUMNS = "id, kind, country_of_incorporation, headquarters_country, incorporated_on,"
            + " revision, created_at, updated_at";

    private PartyStore() {}

    static void insert(Connection c, RegisteredParty p) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO parties (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, p.id());
            int next = bindHead(ps, 2, p);
            Sql.setInstant(ps, next, p.createdAt());
            Sql.setInstant(ps, next + 1, p.updatedAt());
            ps.executeUpdate();
        }
        insertDetails(c, p);
    }

    static void update(Connection c, RegisteredParty p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE parties SET kind = ?, country_of_incorporation = ?,"
                + " headquarters_country = ?, incorporated_on = ?, revision = ?, updated_at = ? WHERE id = ?")) {
            int next = bindHead(ps, 1, p);
            Sql.setInstant(ps, next, p.updatedAt());
            ps.setString(next + 1, p.id());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM party_details WHERE party_id = ?")) {
            ps.setString(1, p.id());
            ps.executeUpdate();
        }
        insertDetails(c, p);
    }

    static void delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM parties WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private static void insertDetails(Connection c, RegisteredParty p) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO party_details (party_id, field, ordinal, text) VALUES (?, ?, ?, ?)")) {
            PartyDetails pd = p.details();
            Map<Detail, List<String>> lists = Map.of(
                    Detail.NAME, pd.names(),
                    Detail.ALIAS, pd.aliases(),
                    Detail.REGISTRATION_NUMBER, pd.registrationNumbers(),
                    Detail.ADDRESS, pd.addresses());
            for (Map.Entry<Detail, List<String>> e : lists.entrySet()) {
                for (int i = 0; i < e.getValue().size(); i++) {
                    ps.setString(1, p.id());
                    ps.setString(2, e.getKey().name());
                    ps.setInt(3, i);
                    ps.setString(4, e.getValue().get(i));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** The party, read with {@code FOR UPDATE} when {@code lock} (to serialise changes to it). */
    static Optional<RegisteredParty> find(Connection c, String id, boolean lock) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM parties WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, id);
            return withDetails(c, rows(ps)).stream().findFirst();
        }
    }

    /** The parties among {@code ids} that exist, in no particular order; at most 1,000 ids a call. */
    static List<RegisteredParty> findAll(Connection c, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > 1000) {
            throw new IllegalArgumentException("at most 1000 parties a call, got " + ids.size());
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM parties WHERE id IN (" + Sql.placeholders(ids.size()) + ")")) {
            int i = 1;
            for (String id : ids) {
                ps.setString(i++, id);
            }
            return withDetails(c, rows(ps));
        }
    }

    /** A page of parties in id order after {@code after} (empty: from the start). */
    static Page<RegisteredParty> page(Connection c, String after, int limit) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM parties WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setString(1, after);
            ps.setInt(2, limit + 1);
            List<RegisteredParty> rows = withDetails(c, rows(ps));
            return Page.of(rows, limit, RegisteredParty::id);
        }
    }

    private record Head(
            String id,
            PartyKind kind,
            Optional<String> incorporation,
            Optional<String> headquarters,
            Optional<LocalDate> incorporatedOn,
            int revision,
            Instant createdAt,
            Instant updatedAt) {}

    private static List<Head> rows(PreparedStatement ps) throws SQLException {
        List<Head> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Head(
                        rs.getString("id"),
                        PartyKind.valueOf(rs.getString("kind")),
                        Sql.getOptionalString(rs, "country_of_incorporation"),
                        Sql.getOptionalString(rs, "headquarters_country"),
                        Optional.ofNullable(rs.getObject("incorporated_on", LocalDate.class)),
                        rs.getInt("revision"),
                        Sql.getInstant(rs, "created_at"),
                        Sql.getInstant(rs, "updated_at")));
            }
        }
        return out;
    }

    /** The heads with their lists, in the heads' order. */
    private static List<RegisteredParty> withDetails(Connection c, List<Head> heads) throws SQLException {
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<String, Map<Detail, List<String>>> details = new LinkedHashMap<>();
        for (Head h : heads) {
            Map<Detail, List<String>> lists = new EnumMap<>(Detail.class);
            for (Detail d : Detail.values()) {
                lists.put(d, new ArrayList<>());
            }
            details.put(h.id(), lists);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT party_id, field, text FROM party_details WHERE party_id"
                + " IN (" + Sql.placeholders(heads.size()) + ") ORDER BY party_id, field, ordinal")) {
            int i = 1;
            for (Head h : heads) {
                ps.setString(i++, h.id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    details.get(rs.getString(1))
                            .get(Detail.valueOf(rs.getString(2)))
                            .add(rs.getString(3));
                }
            }
        }
        List<RegisteredParty> out = new ArrayList<>(heads.size());
        for (Head h : heads) {
            Map<Detail, List<String>> d = details.get(h.id());
            PartyDetails pd = new PartyDetails(
                    h.kind(),
                    d.get(Detail.NAME),
                    d.get(Detail.ALIAS),
                    d.get(Detail.REGISTRATION_NUMBER),
                    d.get(Detail.ADDRESS),
                    h.incorporation(),
                    h.headquarters(),
                    h.incorporatedOn());
            out.add(new RegisteredParty(h.id(), pd, h.revision(), h.createdAt(), h.updatedAt()));
        }
        return out;
    }

    /**
     * Binds kind, country of incorporation, headquarters country, incorporation date and revision
     * (the order of {@link #COLUMNS} and of the UPDATE) from parameter {@code from}.
     *
     * @return the next parameter index
     */
    private static int bindHead(PreparedStatement ps, int from, RegisteredParty p) throws SQLException {
        PartyDetails pd = p.details();
        ps.setString(from, pd.kind().name());
        Sql.setOptionalString(ps, from + 1, pd.countryOfIncorporation());
        Sql.setOptionalString(ps, from + 2, pd.headquartersCountry());
        setOptionalDate(ps, from + 3, pd.incorporatedOn());
        ps.setInt(from + 4, p.revision());
        return from + 5;
    }

    private static void setOptionalDate(PreparedStatement ps, int index, Optional<LocalDate> date) throws SQLException {
        if (date.isPresent()) {
            ps.setObject(index, date.get());
        } else {
            ps.setNull(index, Types.DATE);
        }
    }
}
