package dev.locus.compliance.screening;

import dev.locus.compliance.parties.PartyService;
import dev.locus.compliance.parties.RegisteredParty;
import dev.locus.screening.list.ListDiff;
import dev.locus.screening.list.ListEntry;
import dev.locus.screening.list.ListVersion;
import dev.locus.screening.match.Query;
import dev.locus.screening.match.Rescreen;
import dev.locus.screening.match.Screener;
import dev.locus.screening.match.ScreeningMatch;
import dev.locus.server.common.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * List versions in the control plane: recorded when loaded (with their difference from the version
 * they replace), and every registered party re-screened after an update against only the entries
 * that changed, reporting only the hits that changed. Thread-safe; one update at a time.
 */
public final class ListUpdates {
    /** Parties screened per transaction when the lists change. */
    static final int PARTIES_PER_TRANSACTION = 500;

    private final ScreeningService screening;
    private final PartyService parties;

    public ListUpdates(ScreeningService screening, PartyService parties) {
        this.screening = screening;
        this.parties = parties;
    }

    /**
     * Records the loaded lists' versions not yet stored. When a source had another version stored
     * before (the lists changed between runs), re-screens every party in full: the previous
     * entries are not at hand to diff.
     *
     * @return the hit changes of that re-screening (none when no source changed)
     */
    public synchronized List<HitChange> recordLoaded(List<ListVersion> loaded, String actor) {
        boolean replaced = screening.db().inTransaction(c -> {
            Set<String> storedSources = new HashSet<>();
            ListVersionStore.all(c).forEach(v -> storedSources.add(v.source()));
            boolean changed = false;
            boolean fresh = false;
            for (ListVersion v : loaded) {
                boolean isNew = ListVersionStore.record(c, v, Optional.empty(), screening.now());
                fresh |= isNew;
                changed |= isNew && storedSources.contains(v.source());
            }
            if (fresh) {
                screening
                        .audit()
                        .append(c, actor, "screening.lists.loaded", "screening_lists", "loaded", summary(loaded));
            }
            return changed;
        });
        return replaced ? rescreenAll(actor) : List.of();
    }

    /**
     * Replaces the lists by {@code updated}: stores each version with its difference from the one of
     * the same source (and position among that source's versions) it replaces, swaps the shared
     * screener, and re-screens every party against the changed entries only.
     *
     * @return the hits that changed (raised, raised again, updated, gone)
     */
    public synchronized List<HitChange> replace(List<ListVersion> updated, String actor) {
        List<ListVersion> before = screening.lists().loaded().versions();
        Screener next = Screener.of(updated);
        List<ListDiff> diffs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ListVersion v : updated) {
            int nth = seen.merge(v.source(), 1, Integer::sum);
            Optional<ListVersion> old = nthOfSource(before, v.source(), nth);
            diffs.add(ListDiff.between(old.orElse(new ListVersion(v.source(), Optional.empty(), "", List.of())), v));
        }
        screening.db().inTransaction(c -> {
            for (int i = 0; i < updated.size(); i++) {
                ListVersionStore.record(c, updated.get(i), Optional.of(diffs.get(i)), screening.now());
            }
            Map<String, Object> d = summary(updated);
            d.put("added", diffs.stream().mapToInt(x -> x.added().size()).sum());
            d.put("removed", diffs.stream().mapToInt(x -> x.removed().size()).sum());
            d.put("changed", diffs.stream().mapToInt(x -> x.changed().size()).sum());
            screening.audit().append(c, actor, "screening.lists.updated", "screening_lists", "update", d);
            return null;
        });
        screening.lists().replace(new ScreeningLists.Loaded(updated, next));
        ListDiff all = combined(diffs);
        if (all.isEmpty()) {
            return List.of();
        }
        Set<String> changedKeys = new HashSet<>();
        all.added().forEach(e -> changedKeys.add(e.key()));
        all.removed().forEach(e -> changedKeys.add(e.key()));
        all.changed().forEach(x -> changedKeys.add(x.after().key()));
        Rescreen delta = Rescreen.prepare(next, all);
        return eachPage(actor, (c, p) -> {
            Map<String, Candidate> found = new LinkedHashMap<>();
            boolean touched = false;
            for (Query q : p.screeningQueries()) {
                for (Rescreen.Change ch : delta.changesFor(new Rescreen.Party(p.id(), q))) {
                    touched = true;
                    if (ch.after().isPresent()) {
                        ScreeningMatch m = ch.after().get();
                        Candidate k = Candidates.fromMatch(q, m, Fingerprints.party(p));
                        found.merge(ch.entryKey(), k, (a, b) -> a.score() >= b.score() ? a : b);
                    }
                }
            }
            if (!touched) {
                return List.of();
            }
            return screening
                    .lifecycle()
                    .reconcile(c, p.id(), Hit.Kind.LIST_MATCH, found, changedKeys::contains, actor, screening.now());
        });
    }

    /** Screens every party in full against the current lists. */
    public synchronized List<HitChange> rescreenAll(String actor) {
        return eachPage(actor, (c, p) -> screening.screen(c, p, actor));
    }

    @FunctionalInterface
    private interface PartyWork {
        List<HitChange> run(java.sql.Connection c, RegisteredParty p) throws java.sql.SQLException;
    }

    private List<HitChange> eachPage(String actor, PartyWork work) {
        List<HitChange> changes = new ArrayList<>();
        String after = "";
        while (true) {
            Page<RegisteredParty> page = parties.page(after, PARTIES_PER_TRANSACTION);
            List<HitChange> pageChanges = screening.db().inTransaction(c -> {
                List<HitChange> out = new ArrayList<>();
                for (RegisteredParty p : page.items()) {
                    out.addAll(work.run(c, p));
                }
                Set<String> changedParties = new HashSet<>();
                out.forEach(h -> changedParties.add(h.partyId()));
                if (!changedParties.isEmpty()) {
                    screening.reassessOwnershipBelow(c, changedParties, actor);
                }
                return out;
            });
            changes.addAll(pageChanges);
            if (page.nextCursor().isEmpty()) {
                return changes;
            }
            after = page.nextCursor().get();
        }
    }

    private static Optional<ListVersion> nthOfSource(List<ListVersion> versions, String source, int nth) {
        return versions.stream()
                .filter(v -> v.source().equals(source))
                .skip(nth - 1L)
                .findFirst();
    }

    private static ListDiff combined(List<ListDiff> diffs) {
        List<ListEntry> added = new ArrayList<>();
        List<ListEntry> removed = new ArrayList<>();
        List<ListDiff.Changed> changed = new ArrayList<>();
        for (ListDiff d : diffs) {
            added.addAll(d.added());
            removed.addAll(d.removed());
            changed.addAll(d.changed());
        }
        return new ListDiff(added, removed, changed);
    }

    private static Map<String, Object> summary(List<ListVersion> versions) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(
                "versions",
                versions.stream()
                        .map(v -> Map.of(
                                "source", v.source(),
                                "published_on",
                                        v.publishedOn().map(Object::toString).orElse(""),
                                "sha256", v.sha256(),
                                "entry_count", v.entryCount()))
                        .toList());
        return d;
    }
}
