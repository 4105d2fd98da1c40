package dev.locus.compliance.cases;

import dev.locus.compliance.findings.FindingStore;
import dev.locus.compliance.findings.FindingsListener;
import dev.locus.compliance.findings.StoredFinding;
import dev.locus.compliance.outcome.Outcome;
import dev.locus.compliance.redflags.Subject;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.FieldReader;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.common.Page;
import dev.locus.server.persistence.IdPages;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cases: opened by a person or by themselves when a subject's risk reaches {@link
 * Risk#CASE_THRESHOLD}; owner, status, due date, decision and notes changed by people; every change
 * in the audit log in its transaction. Thread-safe.
 */
public final class CaseService implements FindingsListener {
    private static final String SYSTEM = "system";
    private static final List<String> UPDATE_FIELDS = List.of("owner", "status", "due_on", "decision", "decision_note");

    private final AuditedStore store;

    public CaseService(AuditedStore store) {
        this.store = store;
    }

    /** A case with what it groups: the subject's findings, its explained risk, and the notes. */
    public record CaseView(Case details, Risk risk, List<StoredFinding> findings, List<CaseNote> notes) {
        public CaseView {
            findings = List.copyOf(findings);
            notes = List.copyOf(notes);
        }
    }

    @Override
    public void findingsUpdated(Connection c, Subject subject, List<StoredFinding> opened) throws SQLException {
        if (opened.isEmpty() || active(c, subject).isPresent()) {
            return;
        }
        Risk risk = Risk.of(subject.type().name(), subject.id(), findingsAbout(c, subject));
        if (risk.score() >= Risk.CASE_THRESHOLD) {
            insert(
                    c,
                    subject,
                    "Red flags about " + subject.type().name().toLowerCase(java.util.Locale.ROOT) + " " + subject.id()
                            + " (risk " + risk.score() + ")",
                    Optional.empty(),
                    Optional.empty(),
                    SYSTEM);
        }
    }

    /**
     * Opens a case about a subject, unless one is open already.
     *
     * @param fields {@code subject_type}, {@code subject_id}, {@code title}, optional {@code owner}
     *     and {@code due_on}
     */
    public Outcome<Case> open(Map<String, String> fields, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldReader r = new FieldReader(fields, 0, problems);
        Subject.Type type = r.enumValue("subject_type", Subject.Type.class, Subject.Type.PARTY);
        String id = r.id("subject_id");
        String title = r.text("title", 300);
        Optional<String> owner = Optional.of(r.optionalText("owner", 100)).filter(s -> !s.isEmpty());
        Optional<LocalDate> due = fields.containsKey("due_on") ? Optional.of(r.date("due_on")) : Optional.empty();
        r.rejectUnknown(List.of("subject_type", "subject_id", "title", "owner", "due_on"));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Subject subject = new Subject(type, id);
        return store.db().inTransaction(c -> {
            Optional<Case> existing = active(c, subject);
            if (existing.isPresent()) {
                return Outcome.conflict("case " + existing.get().id() + " about " + subject + " is still "
                        + existing.get().status());
            }
            return Outcome.done(insert(c, subject, title, owner, due, actor));
        });
    }

    private Case insert(
            Connection c, Subject subject, String title, Optional<String> owner, Optional<LocalDate> due, String actor)
            throws SQLException {
        Instant at = store.now();
        long id = Sql.insertReturningId(
                c,
                "INSERT INTO cases (subject_type, subject_id, title, owner, status, due_on, opened_by, opened_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, subject.type().name());
                    ps.setString(2, subject.id());
                    ps.setString(3, title);
                    Sql.setOptionalString(ps, 4, owner);
                    ps.setDate(5, due.map(Date::valueOf).orElse(null));
                    ps.setString(6, actor);
                    Sql.setInstant(ps, 7, at);
                    Sql.setInstant(ps, 8, at);
                });
        store.audit()
                .append(
                        c,
                        actor,
                        "case.opened",
                        "case",
                        Long.toString(id),
                        Map.of("subject", subject.toString(), "title", title));
        return find(c, id).orElseThrow();
    }

    /**
     * Changes a case's owner, status, due date or decision; closing needs a decision.
     *
     * @param fields any of {@code owner}, {@code status}, {@code due_on}, {@code decision}, {@code decision_note}
     */
    public Outcome<Case> update(long id, Map<String, String> fields, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldReader r = new FieldReader(fields, 0, problems);
        Optional<String> owner = fields.containsKey("owner") ? Optional.of(r.text("owner", 100)) : Optional.empty();
        Optional<Case.Status> status = r.optionalEnum("status", Case.Status.class);
        Optional<LocalDate> due = fields.containsKey("due_on") ? Optional.of(r.date("due_on")) : Optional.empty();
        Optional<Case.Decision> decision = r.optionalEnum("decision", Case.Decision.class);
        Optional<String> note =
                fields.containsKey("decision_note") ? Optional.of(r.text("decision_note", 4000)) : Optional.empty();
        r.rejectUnknown(UPDATE_FIELDS);
        if (fields.isEmpty()) {
            problems.add(new FieldProblem(0, "body", "", "must change at least one of " + UPDATE_FIELDS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return store.db().inTransaction(c -> {
            Optional<Case> current = findForUpdate(c, id);
            if (current.isEmpty()) {
                return Outcome.notFound("case", Long.toString(id));
            }
            Case k = current.get();
            Case.Status newStatus = status.orElse(k.status());
            Optional<Case.Decision> newDecision = decision.or(k::decision);
            if (newStatus == Case.Status.CLOSED && newDecision.isEmpty()) {
                return Outcome.conflict("a case is closed with a decision: give decision with status CLOSED");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE cases SET owner = ?, status = ?, due_on = ?,"
                    + " decision = ?, decision_note = ?, updated_at = ? WHERE id = ?")) {
                Sql.setOptionalString(ps, 1, owner.or(k::owner));
                ps.setString(2, newStatus.name());
                ps.setDate(3, due.or(k::dueOn).map(Date::valueOf).orElse(null));
                Sql.setOptionalString(ps, 4, newDecision.map(Enum::name));
                Sql.setOptionalString(ps, 5, note.or(k::decisionNote));
                Sql.setInstant(ps, 6, store.now());
                ps.setLong(7, id);
                ps.executeUpdate();
            }
            Map<String, Object> changed = new LinkedHashMap<>();
            fields.forEach((f, v) -> changed.put(f, v));
            changed.put("previous_status", k.status().name());
            store.audit().append(c, actor, "case.updated", "case", Long.toString(id), changed);
            return Outcome.done(find(c, id).orElseThrow());
        });
    }

    /** Adds a note to a case. */
    public Outcome<CaseNote> addNote(long caseId, String text, String actor) {
        if (text.isBlank() || text.length() > 4000) {
            throw new InvalidInputException(List.of(new FieldProblem(0, "text", text, "must be 1 to 4000 characters")));
        }
        return store.db().inTransaction(c -> {
            if (findForUpdate(c, caseId).isEmpty()) {
                return Outcome.notFound("case", Long.toString(caseId));
            }
            long id = Sql.insertReturningId(
                    c, "INSERT INTO case_notes (case_id, author, text, written_at) VALUES (?, ?, ?, ?)", ps -> {
                        ps.setLong(1, caseId);
                        ps.setString(2, actor);
                        ps.setString(3, text);
                        Sql.setInstant(ps, 4, store.now());
                    });
            store.audit()
                    .append(c, actor, "case.noted", "case", Long.toString(caseId), Map.of("note_id", id, "text", text));
            return Outcome.done(notes(c, caseId).stream()
                    .filter(n -> n.id() == id)
                    .findFirst()
                    .orElseThrow());
        });
    }

    /** The case with its findings, risk and notes. */
    public Optional<CaseView> view(long id) {
        return store.db().read(c -> view(c, id));
    }

    public static Optional<CaseView> view(Connection c, long id) throws SQLException {
        Optional<Case> k = find(c, id);
        if (k.isEmpty()) {
            return Optional.empty();
        }
        Subject subject =
                new Subject(Subject.Type.valueOf(k.get().subjectType()), k.get().subjectId());
        List<StoredFinding> findings = findingsAbout(c, subject);
        return Optional.of(
                new CaseView(k.get(), Risk.of(subject.type().name(), subject.id(), findings), findings, notes(c, id)));
    }

    /** The explained risk of a subject now. */
    public Risk risk(Subject subject) {
        return store.db().read(c -> Risk.of(subject.type().name(), subject.id(), findingsAbout(c, subject)));
    }

    /** Cases by id, narrowed by {@link #FILTERS}. */
    public Page<Case> page(Map<String, String> filters, long afterId, int limit) {
        List<IdPages.Filter> f = new ArrayList<>();
        filters.forEach((column, value) -> f.add(IdPages.Filter.equal(column, value)));
        return store.db()
                .read(c -> IdPages.read(c, "SELECT * FROM cases", f, afterId, limit, CaseService::read, Case::id));
    }

    /** The filters {@link #page} accepts. */
    public static final List<String> FILTERS = List.of("status", "owner", "subject_type", "subject_id");

    private static List<StoredFinding> findingsAbout(Connection c, Subject subject) throws SQLException {
        return FindingStore.about(c, subject);
    }

    private static Optional<Case> active(Connection c, Subject subject) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM cases WHERE subject_type = ? AND subject_id = ?"
                + " AND status <> 'CLOSED' ORDER BY id LIMIT 1")) {
            ps.setString(1, subject.type().name());
            ps.setString(2, subject.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Optional<Case> find(Connection c, long id) throws SQLException {
        return one(c, "SELECT * FROM cases WHERE id = ?", id);
    }

    private static Optional<Case> findForUpdate(Connection c, long id) throws SQLException {
        return one(c, "SELECT * FROM cases WHERE id = ? FOR UPDATE", id);
    }

    private static Optional<Case> one(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static List<CaseNote> notes(Connection c, long caseId) throws SQLException {
        return Sql.query(
                c,
                "SELECT * FROM case_notes WHERE case_id = ? ORDER BY id LIMIT 1000",
                ps -> ps.setLong(1, caseId),
                rs -> new CaseNote(
                        rs.getLong("id"),
                        caseId,
                        rs.getString("author"),
                        rs.getString("text"),
                        Sql.getInstant(rs, "written_at")));
    }

    private static Case read(ResultSet rs) throws SQLException {
        Date due = rs.getDate("due_on");
        return new Case(
                rs.getLong("id"),
                rs.getString("subject_type"),
                rs.getString("subject_id"),
                rs.getString("title"),
                Sql.getOptionalString(rs, "owner"),
                Case.Status.valueOf(rs.getString("status")),
                Optional.ofNullable(due).map(Date::toLocalDate),
                Sql.getOptionalString(rs, "decision").map(Case.Decision::valueOf),
                Sql.getOptionalString(rs, "decision_note"),
                rs.getString("opened_by"),
                Sql.getInstant(rs, "opened_at"),
                Sql.getInstant(rs, "updated_at"));
    }
}
