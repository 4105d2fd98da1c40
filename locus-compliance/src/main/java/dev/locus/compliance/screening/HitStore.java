package dev.locus.compliance.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.screening.ownership.Designation;
import dev.locus.server.common.Page;
import dev.locus.server.persistence.IdPages;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The SQL of {@code screening_hits}; the only writer of it. Stateless. */
final class HitStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, party_id, kind, subject_key, status, source, entry_id, listed_name,"
            + " matched_name, programs, score, decision, explanation_json, entry_fingerprint, party_fingerprint,"
            + " raised_at, updated_at, decided_at, decided_by, decision_reason";

    private HitStore() {}

    static Hit insert(Connection c, String partyId, Candidate k, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO screening_hits (party_id, kind, subject_key, status, source, entry_id, listed_name,"
                        + " matched_name, programs, score, decision, explanation_json, entry_fingerprint,"
                        + " party_fingerprint, raised_at, updated_at) VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, partyId);
            ps.setString(2, k.kind().name());
            ps.setString(3, k.subjectKey());
            int i = setCandidate(ps, 4, k);
            Sql.setInstant(ps, i, now);
            Sql.setInstant(ps, i + 1, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return byId(c, keys.getLong(1), false).orElseThrow();
            }
        }
    }

    /** Replaces what the hit says with {@code k}; with {@code reopen}, it is OPEN again and its decision cleared. */
    static void refresh(Connection c, long id, Candidate k, boolean reopen, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE screening_hits SET source = ?, entry_id = ?,"
                + " listed_name = ?, matched_name = ?, programs = ?, score = ?, decision = ?, explanation_json = ?,"
                + " entry_fingerprint = ?, party_fingerprint = ?, updated_at = ?"
                + (reopen ? ", status = 'OPEN', decided_at = NULL, decided_by = NULL, decision_reason = NULL" : "")
                + " WHERE id = ?")) {
            int i = setCandidate(ps, 1, k);
            Sql.setInstant(ps, i, now);
            ps.setLong(i + 1, id);
            ps.executeUpdate();
        }
    }

    /** Deletes a party's hit on {@code subjectKey} unless a person decided on it; true when one went. */
    static boolean deleteUndecided(Connection c, String partyId, String subjectKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM screening_hits WHERE party_id = ? AND" + " subject_key = ? AND decided_at IS NULL")) {
            ps.setString(1, partyId);
            ps.setString(2, subjectKey);
            return ps.executeUpdate() > 0;
        }
    }

    static void markGone(Connection c, long id, Instant now) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE screening_hits SET status = 'GONE', updated_at = ? WHERE id = ?")) {
            Sql.setInstant(ps, 1, now);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    static void decide(Connection c, long id, Hit.Status status, String actor, String reason, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE screening_hits SET status = ?, decided_at = ?,"
                + " decided_by = ?, decision_reason = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, status.name());
            Sql.setInstant(ps, 2, now);
            ps.setString(3, actor);
            ps.setString(4, reason);
            Sql.setInstant(ps, 5, now);
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    private static int setCandidate(PreparedStatement ps, int at, Candidate k) throws SQLException {
        ps.setString(at, k.source());
        ps.setString(at + 1, k.entryId());
        ps.setString(at + 2, clip(k.listedName(), 1000));
        ps.setString(at + 3, clip(k.matchedName(), 1000));
        ps.setString(at + 4, clip(String.join(";", k.programs()), 2000));
        ps.setDouble(at + 5, k.score());
        ps.setString(at + 6, k.decision());
        ps.setString(at + 7, k.explanationJson());
        ps.setString(at + 8, k.entryFingerprint());
        ps.setString(at + 9, k.partyFingerprint());
        return at + 10;
    }

    static Optional<Hit> byId(Connection c, long id, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM screening_hits WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setLong(1, id);
            return read(ps).stream().findFirst();
        }
    }

    /** The party's hits of one kind, locked for the reconciliation that reads them. */
    static List<Hit> forParty(Connection c, String partyId, Hit.Kind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM screening_hits WHERE party_id = ? AND kind = ? ORDER BY id FOR UPDATE")) {
            ps.setString(1, partyId);
            ps.setString(2, kind.name());
            return read(ps);
        }
    }

    static Page<Hit> page(Connection c, List<IdPages.Filter> filters, long afterId, int limit) throws SQLException {
        return IdPages.read(
                c, "SELECT " + COLUMNS + " FROM screening_hits", filters, afterId, limit, HitStore::row, Hit::id);
    }

    /**
     * The list entries that count as designations of these parties: confirmed hits, and open hits at
     * MATCH (a probable match counts until a person dismisses it).
     */
    static List<Designation> designations(Connection c, Collection<String> partyIds) throws SQLException {
        List<Designation> out = new ArrayList<>();
        List<String> ids = List.copyOf(partyIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            try (PreparedStatement ps = c.prepareStatement("SELECT party_id, source, entry_id, programs FROM"
                    + " screening_hits WHERE kind = 'LIST_MATCH' AND (status = 'CONFIRMED' OR (status = 'OPEN' AND"
                    + " decision = 'MATCH')) AND party_id IN (" + Sql.placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Designation(
                                rs.getString(1), rs.getString(2), rs.getString(3), programs(rs.getString(4))));
                    }
                }
            }
        }
        return out;
    }

    private static List<Hit> read(PreparedStatement ps) throws SQLException {
        List<Hit> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    private static Hit row(ResultSet rs) throws SQLException {
        try {
            return new Hit(
                    rs.getLong("id"),
                    rs.getString("party_id"),
                    Hit.Kind.valueOf(rs.getString("kind")),
                    rs.getString("subject_key"),
                    Hit.Status.valueOf(rs.getString("status")),
                    rs.getString("source"),
                    rs.getString("entry_id"),
                    rs.getString("listed_name"),
                    rs.getString("matched_name"),
                    programs(rs.getString("programs")),
                    rs.getDouble("score"),
                    rs.getString("decision"),
                    JSON.readTree(rs.getString("explanation_json")),
                    rs.getString("entry_fingerprint"),
                    rs.getString("party_fingerprint"),
                    Sql.getInstant(rs, "raised_at"),
                    Sql.getInstant(rs, "updated_at"),
                    Sql.getOptionalInstant(rs, "decided_at"),
                    Sql.getOptionalString(rs, "decided_by"),
                    Sql.getOptionalString(rs, "decision_reason"));
        } catch (JsonProcessingException e) {
            throw new SQLException("screening_hits.explanation_json is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> programs(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
