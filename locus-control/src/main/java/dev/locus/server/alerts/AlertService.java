package dev.locus.server.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.locus.server.LocusServerException;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.common.Page;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Raises alerts (at most one unresolved alert per subject and rule) and moves them through their
 * lifecycle; every step is written to the audit log in the same transaction. Thread-safe.
 */
public final class AlertService {
    public static final String SYSTEM = "system";

    private final AuditedStore store;
    private final List<ResolutionHook> resolvedByPerson = new CopyOnWriteArrayList<>();
    private final List<RaiseHook> raiseHooks = new CopyOnWriteArrayList<>();
    private final List<StatusHook> statusHooks = new CopyOnWriteArrayList<>();

    /**
     * Runs inside the transaction that resolves an alert as a person (not {@link #SYSTEM}), for the
     * rule that raised it to act on the decision (the mesh audit clears the landmark).
     */
    @FunctionalInterface
    public interface ResolutionHook {
        void resolved(Connection c, Alert alert, String actor) throws SQLException;
    }

    /**
     * Runs inside the transaction that opens an alert, so what it writes (the notification outbox's
     * deliveries) is committed exactly when the alert is.
     */
    @FunctionalInterface
    public interface RaiseHook {
        void raised(Connection c, Alert alert) throws SQLException;
    }

    /**
     * Runs inside the transaction that acknowledges or resolves an alert (singly, in bulk, by a
     * person or by its rule), with the alert as it stands after the step, so what it writes (the
     * notification outbox's deliveries) is committed exactly when the step is.
     */
    @FunctionalInterface
    public interface StatusHook {
        void changed(Connection c, Alert alert) throws SQLException;
    }

    public AlertService(AuditedStore store) {
        this.store = store;
    }

    /**
     * Opens an alert unless an unresolved one exists for the same subject and rule.
     *
     * @return the new alert, or empty when one was already open
     */
    public Optional<Alert> raise(
            Alert.Rule rule,
            Alert.Severity severity,
            Alert.SubjectType subjectType,
            String subjectId,
            String summary,
            Map<String, ?> evidence) {
        return store.db().inTransaction(c -> raise(c, rule, severity, subjectType, subjectId, summary, evidence));
    }

    /** {@link #raise(Alert.Rule, Alert.Severity, Alert.SubjectType, String, String, Map)} inside the caller's transaction. */
    public Optional<Alert> raise(
            Connection c,
            Alert.Rule rule,
            Alert.Severity severity,
            Alert.SubjectType subjectType,
            String subjectId,
            String summary,
            Map<String, ?> evidence)
            throws SQLException {
        String evidenceJson;
        try {
            evidenceJson = store.json().writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new LocusServerException("alert evidence is not serialisable: " + e.getMessage(), e);
        }
        // Serialise raisers of the same subject: lock the subject's row (chips or landmarks).
        String lock = subjectType == Alert.SubjectType.CHIP
                ? "SELECT serial FROM chips WHERE serial = ? FOR UPDATE"
                : "SELECT id FROM landmarks WHERE id = ? FOR UPDATE";
        try (PreparedStatement ps = c.prepareStatement(lock)) {
            ps.setString(1, subjectId);
            ps.executeQuery().close();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM alerts WHERE subject_type = ? AND"
                + " subject_id = ? AND rule = ? AND status <> 'RESOLVED'")) {
            ps.setString(1, subjectType.name());
            ps.setString(2, subjectId);
            ps.setString(3, rule.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return Optional.<Alert>empty();
                }
            }
        }
        long id = Sql.insertReturningId(
                c,
                "INSERT INTO alerts (rule, severity, status, subject_type, subject_id, summary, evidence_json,"
                        + " opened_at) VALUES (?, ?, 'OPEN', ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, rule.name());
                    ps.setString(2, severity.name());
                    ps.setString(3, subjectType.name());
                    ps.setString(4, subjectId);
                    ps.setString(5, summary.length() > 1000 ? summary.substring(0, 1000) : summary);
                    ps.setString(6, evidenceJson);
                    Sql.setInstant(ps, 7, store.clock().instant());
                });
        store.audit()
                .append(
                        c,
                        SYSTEM,
                        "alert.opened",
                        "alert",
                        Long.toString(id),
                        Map.of(
                                "rule",
                                rule.name(),
                                "subject",
                                subjectType.name() + ":" + subjectId,
                                "summary",
                                summary));
        Alert opened = find(c, id).orElseThrow();
        for (RaiseHook hook : raiseHooks) {
            hook.raised(c, opened);
        }
        return Optional.of(opened);
    }

    /** Adds a hook run in the transaction of every alert opened from now on. */
    public void onRaised(RaiseHook hook) {
        raiseHooks.add(hook);
    }

    /** Adds a hook run in the transaction of every acknowledgement and resolution from now on. */
    public void onStatusChanged(StatusHook hook) {
        statusHooks.add(hook);
    }

    private Alert changed(Connection c, long id) throws SQLException {
        Alert after = find(c, id).orElseThrow();
        for (StatusHook hook : statusHooks) {
            hook.changed(c, after);
        }
        return after;
    }

    /** Adds a hook run when a person resolves an alert of {@code rule}. */
    public void onResolvedByPerson(Alert.Rule rule, ResolutionHook hook) {
        resolvedByPerson.add((c, a, actor) -> {
            if (a.rule() == rule) {
                hook.resolved(c, a, actor);
            }
        });
    }

    /** OPEN → ACKNOWLEDGED, recording who and why. */
    public Transition acknowledge(long id, String note, String actor) {
        return step(id, note, actor, true);
    }

    /**
     * OPEN or ACKNOWLEDGED → RESOLVED, recording who and why. Resolving as a person (not {@link
     * #SYSTEM}) runs the rule's {@link #onResolvedByPerson hooks} in the same transaction (a
     * {@code SUSPECT_LANDMARK} alert clears its landmark for the mesh audit).
     */
    public Transition resolve(long id, String note, String actor) {
        return step(id, note, actor, false);
    }

    private static void checkNote(String note) {
        if (note.isBlank() || note.length() > 2000) {
            throw new InvalidInputException(
                    List.of(new FieldProblem(0, "note", note, "must say why, in 1 to 2000 characters")));
        }
    }

    private Transition step(long id, String note, String actor, boolean acknowledge) {
        checkNote(note);
        return store.db().inTransaction(c -> {
            Optional<Alert> current = findForUpdate(c, id);
            if (current.isEmpty()) {
                return new Transition.NotFound(id);
            }
            Alert a = current.get();
            if (acknowledge && a.status() != Alert.Status.OPEN) {
                return new Transition.WrongState(
                        a, "only OPEN alerts can be acknowledged; alert " + id + " is " + a.status());
            }
            if (!acknowledge && a.status() == Alert.Status.RESOLVED) {
                return new Transition.WrongState(a, "alert " + id + " is already RESOLVED");
            }
            String sql = acknowledge
                    ? "UPDATE alerts SET status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?,"
                            + " acknowledge_note = ? WHERE id = ?"
                    : "UPDATE alerts SET status = 'RESOLVED', resolved_at = ?, resolved_by = ?, resolution_note = ?"
                            + " WHERE id = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Sql.setInstant(ps, 1, store.clock().instant());
                ps.setString(2, actor);
                ps.setString(3, note);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            if (!acknowledge && !SYSTEM.equals(actor)) {
                for (ResolutionHook hook : resolvedByPerson) {
                    hook.resolved(c, a, actor);
                }
            }
            store.audit()
                    .append(
                            c,
                            actor,
                            acknowledge ? "alert.acknowledged" : "alert.resolved",
                            "alert",
                            Long.toString(id),
                            Map.of("note", note));
            return new Transition.Done(changed(c, id));
        });
    }

    /** Outcome of {@link #acknowledgeAll}: the alerts acknowledged, and why each other id was skipped. */
    public record BulkOutcome(List<Alert> acknowledged, Map<Long, String> skipped) {
        public BulkOutcome {
            acknowledged = List.copyOf(acknowledged);
            skipped = Map.copyOf(skipped);
        }
    }

    /** Alerts acknowledged in one request at most. */
    public static final int MAX_BULK = 500;

    /**
     * Acknowledges every OPEN alert among {@code ids} with one reason, in one transaction, one
     * audit entry per alert; ids that are unknown or not OPEN are skipped, each with the reason.
     *
     * @throws InvalidInputException when the note is empty or too long, or there are no ids or
     *     more than {@link #MAX_BULK}
     */
    public BulkOutcome acknowledgeAll(List<Long> ids, String note, String actor) {
        checkNote(note);
        List<Long> sorted = ids.stream().distinct().sorted().toList(); // one lock order: no deadlock
        if (sorted.isEmpty() || sorted.size() > MAX_BULK) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    0, "ids", Integer.toString(sorted.size()), "must name 1 to " + MAX_BULK + " alerts")));
        }
        return store.db().inTransaction(c -> {
            List<Alert> done = new ArrayList<>();
            Map<Long, String> skipped = new java.util.LinkedHashMap<>();
            for (long id : sorted) {
                Optional<Alert> a = findForUpdate(c, id);
                if (a.isEmpty()) {
                    skipped.put(id, "no alert with this id");
                } else if (a.get().status() != Alert.Status.OPEN) {
                    skipped.put(id, "is " + a.get().status() + "; only OPEN alerts can be acknowledged");
                } else {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE alerts SET status = 'ACKNOWLEDGED',"
                            + " acknowledged_at = ?, acknowledged_by = ?, acknowledge_note = ? WHERE id = ?")) {
                        Sql.setInstant(ps, 1, store.clock().instant());
                        ps.setString(2, actor);
                        ps.setString(3, note);
                        ps.setLong(4, id);
                        ps.executeUpdate();
                    }
                    store.audit()
                            .append(
                                    c,
                                    actor,
                                    "alert.acknowledged",
                                    "alert",
                                    Long.toString(id),
                                    Map.of("note", note, "bulk", sorted.size()));
                    done.add(changed(c, id));
                }
            }
            return new BulkOutcome(done, skipped);
        });
    }

    /**
     * Sets who works on an alert, or clears it (empty); recorded in the audit log with the
     * previous assignee. A RESOLVED alert cannot be assigned.
     */
    public Transition assign(long id, Optional<String> assignee, String actor) {
        assignee.ifPresent(v -> {
            if (v.isBlank() || v.length() > 100) {
                throw new InvalidInputException(
                        List.of(new FieldProblem(0, "assignee", v, "must be 1 to 100 characters, or empty to clear")));
            }
        });
        return store.db().inTransaction(c -> {
            Optional<Alert> current = findForUpdate(c, id);
            if (current.isEmpty()) {
                return new Transition.NotFound(id);
            }
            Alert a = current.get();
            if (a.status() == Alert.Status.RESOLVED) {
                return new Transition.WrongState(a, "alert " + id + " is RESOLVED; there is nothing to assign");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE alerts SET assignee = ?, assigned_at = ?, assigned_by = ? WHERE id = ?")) {
                Sql.setOptionalString(ps, 1, assignee);
                Sql.setInstant(ps, 2, store.clock().instant());
                ps.setString(3, actor);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            store.audit()
                    .append(
                            c,
                            actor,
                            assignee.isPresent() ? "alert.assigned" : "alert.unassigned",
                            "alert",
                            Long.toString(id),
                            Map.of(
                                    "assignee",
                                    assignee.orElse(""),
                                    "previous",
                                    a.assignee().orElse("")));
            return new Transition.Done(find(c, id).orElseThrow());
        });
    }

    public Optional<Alert> alert(long id) {
        return store.db().read(c -> find(c, id));
    }

    /**
     * Alerts by id, optionally of one status and one subject.
     *
     * @param afterId cursor: only alerts with a larger id
     */
    public Page<Alert> page(Optional<Alert.Status> status, Optional<String> chipSerial, long afterId, int limit) {
        AlertFilter all = AlertFilter.all();
        return page(
                new AlertFilter(
                        status.map(java.util.Set::of).orElse(java.util.Set.of()),
                        all.severity(),
                        all.rule(),
                        chipSerial,
                        all.site(),
                        all.licence(),
                        all.organisation(),
                        all.assignee(),
                        all.openedFrom(),
                        all.openedTo(),
                        all.text()),
                afterId,
                limit);
    }

    /** Alerts matching {@code filter} by id, after the cursor {@code afterId}. */
    public Page<Alert> page(AlertFilter filter, long afterId, int limit) {
        return store.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT a.* FROM alerts a WHERE a.id > ?" + filter.conditions() + " ORDER BY a.id LIMIT ?")) {
                ps.setLong(1, afterId);
                int i = filter.bind(ps, 2);
                ps.setInt(i, limit + 1);
                List<Alert> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return Page.of(out, limit, a -> Long.toString(a.id()));
            }
        });
    }

    private static Optional<Alert> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM alerts WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Optional<Alert> findForUpdate(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM alerts WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Alert read(ResultSet rs) throws SQLException {
        return new Alert(
                rs.getLong("id"),
                Alert.Rule.valueOf(rs.getString("rule")),
                Alert.Severity.valueOf(rs.getString("severity")),
                Alert.Status.valueOf(rs.getString("status")),
                Alert.SubjectType.valueOf(rs.getString("subject_type")),
                rs.getString("subject_id"),
                rs.getString("summary"),
                rs.getString("evidence_json"),
                Sql.getInstant(rs, "opened_at"),
                Sql.getOptionalInstant(rs, "acknowledged_at"),
                Sql.getOptionalString(rs, "acknowledged_by"),
                Sql.getOptionalString(rs, "acknowledge_note"),
                Sql.getOptionalInstant(rs, "resolved_at"),
                Sql.getOptionalString(rs, "resolved_by"),
                Sql.getOptionalString(rs, "resolution_note"),
                Sql.getOptionalString(rs, "assignee"),
                Sql.getOptionalInstant(rs, "assigned_at"),
                Sql.getOptionalString(rs, "assigned_by"));
    }
}
