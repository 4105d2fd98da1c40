package dev.locus.compliance.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.locus.compliance.LocusComplianceException;
import dev.locus.compliance.outcome.Outcome;
import dev.locus.compliance.redflags.Finding;
import dev.locus.compliance.redflags.Source;
import dev.locus.compliance.redflags.Subject;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.common.Page;
import dev.locus.server.persistence.IdPages;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored findings: brought in line with what the rules raise about a subject now (opened,
 * reopened, cleared, each in the audit log), listed, and dismissed by an analyst. Thread-safe.
 */
public final class FindingStore {
    private static final String SYSTEM = "system";

    private final AuditedStore store;

    public FindingStore(AuditedStore store) {
        this.store = store;
    }

    /** The database, audit log and clock the findings are kept with. */
    AuditedStore store() {
        return store;
    }

    /**
     * Makes the stored findings about {@code subject} match {@code now}: new ones OPEN, ones whose
     * rule fires again reopened (a DISMISSED one only when its evidence changed), OPEN ones no
     * longer raised CLEARED.
     *
     * @return the findings opened or reopened
     */
    List<StoredFinding> sync(Connection c, Subject subject, List<Finding> now) throws SQLException {
        return sync(c, subject, now, about(c, subject));
    }

    /** {@link #sync(Connection, Subject, List)} with the subject's stored findings already read. */
    List<StoredFinding> sync(Connection c, Subject subject, List<Finding> now, List<StoredFinding> before)
            throws SQLException {
        Map<String, StoredFinding> stored = new HashMap<>();
        for (StoredFinding f : before) {
            stored.put(f.rule() + "\u0000" + f.key(), f);
        }
        Instant at = store.now();
        List<StoredFinding> opened = new ArrayList<>();
        Set<String> raised = new HashSet<>();
        for (Finding f : now) {
            String k = f.rule() + "\u0000" + f.key();
            if (!raised.add(k)) {
                continue;
            }
            String evidence = evidenceJson(f);
            StoredFinding s = stored.get(k);
            if (s == null) {
                long id = insert(c, f, evidence, at);
                store.audit().append(c, SYSTEM, "finding.opened", "finding", Long.toString(id), details(f));
                opened.add(find(c, id).orElseThrow());
                continue;
            }
            boolean changed = !s.evidence().equals(evidence)
                    || !s.severity().equals(f.severity().name());
            boolean reopen = s.status() == StoredFinding.Status.CLEARED
                    || (s.status() == StoredFinding.Status.DISMISSED && changed);
            if (reopen || (s.status() == StoredFinding.Status.OPEN && changed)) {
                update(c, s.id(), f, evidence, reopen ? StoredFinding.Status.OPEN : s.status(), at);
                if (reopen) {
                    store.audit().append(c, SYSTEM, "finding.reopened", "finding", Long.toString(s.id()), details(f));
                    opened.add(find(c, s.id()).orElseThrow());
                }
            }
        }
        for (StoredFinding s : stored.values()) {
            if (s.status() == StoredFinding.Status.OPEN && !raised.contains(s.rule() + "\u0000" + s.key())) {
                setStatus(c, s.id(), StoredFinding.Status.CLEARED, SYSTEM, "the rule no longer fires", at);
                store.audit()
                        .append(
                                c,
                                SYSTEM,
                                "finding.cleared",
                                "finding",
                                Long.toString(s.id()),
                                Map.of("rule", s.rule()));
            }
        }
        return opened;
    }

    private String evidenceJson(Finding f) {
        try {
            return store.json().writeValueAsString(f.evidence());
        } catch (JsonProcessingException e) {
            throw new LocusComplianceException("finding evidence is not serialisable: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> details(Finding f) {
        return Map.of(
                "rule",
                f.rule(),
                "subject",
                f.subject().toString(),
                "key",
                f.key(),
                "severity",
                f.severity().name());
    }

    private static long insert(Connection c, Finding f, String evidence, Instant at) throws SQLException {
        return Sql.insertReturningId(
                c,
                "INSERT INTO findings (rule, source, subject_type, subject_id, finding_key, severity, summary,"
                        + " evidence_json, status, opened_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)",
                ps -> {
                    ps.setString(1, f.rule());
                    ps.setString(2, f.source().name());
                    ps.setString(3, f.subject().type().name());
                    ps.setString(4, f.subject().id());
                    ps.setString(5, clip(f.key(), 200));
                    ps.setString(6, f.severity().name());
                    ps.setString(7, clip(f.summary(), 1000));
                    ps.setString(8, evidence);
                    Sql.setInstant(ps, 9, at);
                    Sql.setInstant(ps, 10, at);
                });
    }

    private static void update(
            Connection c, long id, Finding f, String evidence, StoredFinding.Status status, Instant at)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE findings SET severity = ?, summary = ?, evidence_json = ?,"
                        + " status = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, f.severity().name());
            ps.setString(2, clip(f.summary(), 1000));
            ps.setString(3, evidence);
            ps.setString(4, status.name());
            Sql.setInstant(ps, 5, at);
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    private static void setStatus(
            Connection c, long id, StoredFinding.Status status, String by, String note, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE findings SET status = ?, status_by = ?, status_note = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, by);
            ps.setString(3, note);
            Sql.setInstant(ps, 4, at);
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** An analyst dismisses an OPEN finding, saying why. */
    public Outcome<StoredFinding> dismiss(long id, String note, String actor) {
        if (note.isBlank() || note.length() > 2000) {
            throw new InvalidInputException(
                    List.of(new FieldProblem(0, "note", note, "must say why, in 1 to 2000 characters")));
        }
        return store.db().inTransaction(c -> {
            Optional<StoredFinding> f = find(c, id);
            if (f.isEmpty()) {
                return Outcome.notFound("finding", Long.toString(id));
            }
            if (f.get().status() != StoredFinding.Status.OPEN) {
                return Outcome.conflict("only OPEN findings can be dismissed; finding " + id + " is "
                        + f.get().status());
            }
            setStatus(c, id, StoredFinding.Status.DISMISSED, actor, note, store.now());
            store.audit().append(c, actor, "finding.dismissed", "finding", Long.toString(id), Map.of("note", note));
            return Outcome.done(find(c, id).orElseThrow());
        });
    }

    public Optional<StoredFinding> finding(long id) {
        return store.db().read(c -> find(c, id));
    }

    /** Every finding about the subject, in id order. */
    public List<StoredFinding> about(Subject subject) {
        return store.db().read(c -> about(c, subject));
    }

    /** Every finding about the subject, in id order, read in the caller's transaction. */
    public static List<StoredFinding> about(Connection c, Subject subject) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT * FROM findings WHERE subject_type = ? AND subject_id = ? ORDER BY id")) {
            ps.setString(1, subject.type().name());
            ps.setString(2, subject.id());
            List<StoredFinding> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    /** Every stored finding, by subject, in id order: one streamed read, for a full re-evaluation. */
    static Map<Subject, List<StoredFinding>> all(Connection c) throws SQLException {
        Map<Subject, List<StoredFinding>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM findings ORDER BY id")) {
            ps.setFetchSize(2_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredFinding f = read(rs);
                    out.computeIfAbsent(
                                    new Subject(Subject.Type.valueOf(f.subjectType()), f.subjectId()),
                                    k -> new ArrayList<>(2))
                            .add(f);
                }
            }
        }
        return out;
    }

    /**
     * Findings by id, narrowed by equality filters.
     *
     * @param filters column to value: {@code status}, {@code rule}, {@code severity}, {@code
     *     subject_type}, {@code subject_id}
     */
    public Page<StoredFinding> page(Map<String, String> filters, long afterId, int limit) {
        List<IdPages.Filter> f = new ArrayList<>();
        filters.forEach((column, value) -> f.add(IdPages.Filter.equal(column, value)));
        return store.db()
                .read(c -> IdPages.read(
                        c, "SELECT * FROM findings", f, afterId, limit, FindingStore::read, StoredFinding::id));
    }

    /** The filters {@link #page} accepts. */
    public static final List<String> FILTERS = List.of("status", "rule", "severity", "subject_type", "subject_id");

    private static Optional<StoredFinding> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM findings WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    static StoredFinding read(ResultSet rs) throws SQLException {
        String source = rs.getString("source");
        return new StoredFinding(
                rs.getLong("id"),
                rs.getString("rule"),
                source,
                Source.valueOf(source).citation(),
                rs.getString("subject_type"),
                rs.getString("subject_id"),
                rs.getString("finding_key"),
                rs.getString("severity"),
                rs.getString("summary"),
                rs.getString("evidence_json"),
                StoredFinding.Status.valueOf(rs.getString("status")),
                Sql.getOptionalString(rs, "status_by"),
                Sql.getOptionalString(rs, "status_note"),
                Sql.getInstant(rs, "opened_at"),
                Sql.getInstant(rs, "updated_at"));
    }
}
