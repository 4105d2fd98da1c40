package dev.locus.compliance.screening;

import dev.locus.server.audit.AuditLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reconciles what screening finds now with the stored hits, inside the caller's transaction, each
 * change with its audit entry: a new hit is raised OPEN; a dismissed hit stays dismissed while its
 * entry and party fingerprints are unchanged and is raised again when either changed; an open hit
 * that no longer matches is GONE. Stateless apart from the audit log.
 */
final class HitLifecycle {
    private final AuditLog audit;

    HitLifecycle(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * @param found the hits found now, by subject key
     * @param inScope which stored hits this screening speaks about (all of a kind for a full
     *     screening; only the changed entries' keys after a list update)
     */
    List<HitChange> reconcile(
            Connection c,
            String partyId,
            Hit.Kind kind,
            Map<String, Candidate> found,
            Predicate<String> inScope,
            String actor,
            Instant now)
            throws SQLException {
        Map<String, Hit> stored = new HashMap<>();
        for (Hit h : HitStore.forParty(c, partyId, kind)) {
            stored.put(h.subjectKey(), h);
        }
        List<HitChange> changes = new ArrayList<>();
        for (Candidate k : found.values()) {
            Hit h = stored.get(k.subjectKey());
            if (h == null) {
                Hit raised = HitStore.insert(c, partyId, k, now);
                log(c, actor, "screening.hit.raised", raised.id(), partyId, k, Map.of());
                changes.add(new HitChange(partyId, k.subjectKey(), HitChange.What.RAISED, raised.id()));
                continue;
            }
            boolean entryChanged = !h.entryFingerprint().equals(k.entryFingerprint());
            boolean partyChanged = !h.partyFingerprint().equals(k.partyFingerprint());
            switch (h.status()) {
                case DISMISSED, GONE -> {
                    if (h.status() == Hit.Status.DISMISSED && !entryChanged && !partyChanged) {
                        continue; // dismissed, and nothing it was dismissed on has changed
                    }
                    changes.add(refreshed(c, actor, partyId, h, k, true, entryChanged, partyChanged, now));
                }
                case OPEN, CONFIRMED -> {
                    if (entryChanged || partyChanged) {
                        changes.add(refreshed(c, actor, partyId, h, k, false, entryChanged, partyChanged, now));
                    } else if (Math.abs(h.score() - k.score()) > 1e-9) {
                        HitStore.refresh(c, h.id(), k, false, now); // scoring changed: keep the latest
                    }
                }
            }
        }
        for (Hit h : stored.values()) {
            if (h.status() == Hit.Status.OPEN && !found.containsKey(h.subjectKey()) && inScope.test(h.subjectKey())) {
                HitStore.markGone(c, h.id(), now);
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("hit_id", h.id());
                d.put("subject_key", h.subjectKey());
                audit.append(c, actor, "screening.hit.gone", "party", partyId, d);
                changes.add(new HitChange(partyId, h.subjectKey(), HitChange.What.GONE, h.id()));
            }
        }
        return changes;
    }

    /**
     * Brings a stored hit up to date with what matches now, with its audit entry: {@code reraise}
     * opens a dismissed or gone hit again ({@code screening.hit.reraised}); otherwise an open or
     * confirmed hit keeps its status ({@code screening.hit.updated}).
     */
    private HitChange refreshed(
            Connection c,
            String actor,
            String partyId,
            Hit h,
            Candidate k,
            boolean reraise,
            boolean entryChanged,
            boolean partyChanged,
            Instant now)
            throws SQLException {
        HitStore.refresh(c, h.id(), k, reraise, now);
        log(
                c,
                actor,
                reraise ? "screening.hit.reraised" : "screening.hit.updated",
                h.id(),
                partyId,
                k,
                Map.of(
                        reraise ? "previous_status" : "status",
                        h.status().name(),
                        "entry_changed",
                        entryChanged,
                        "party_changed",
                        partyChanged));
        return new HitChange(
                partyId, k.subjectKey(), reraise ? HitChange.What.RERAISED : HitChange.What.UPDATED, h.id());
    }

    private void log(
            Connection c,
            String actor,
            String action,
            long hitId,
            String partyId,
            Candidate k,
            Map<String, Object> extra)
            throws SQLException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("hit_id", hitId);
        d.put("kind", k.kind().name());
        d.put("subject_key", k.subjectKey());
        d.put("listed_name", k.listedName());
        d.put("matched_name", k.matchedName());
        d.put("score", Math.round(k.score() * 1000) / 1000.0);
        d.put("decision", k.decision());
        d.put("entry_fingerprint", k.entryFingerprint());
        d.put("party_fingerprint", k.partyFingerprint());
        d.putAll(extra);
        audit.append(c, actor, action, "party", partyId, d);
    }
}
