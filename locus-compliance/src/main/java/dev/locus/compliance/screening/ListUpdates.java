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
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.common.Page;
import java.time.LocalDate;
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
    private final AuditedStore store;
    private final PartyService parties;

    public ListUpdates(ScreeningService screening, PartyService parties) {
        this.screening = screening;
        this.store = screening.store();
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
        boolean replaced = store.db().inTransaction(c -> {
            Set<String> storedSources = new HashSet<>();
            ListVersionStore.all(c).forEach(v -> storedSources.add(v.source()));
            boolean changed = false;
            boolean fresh = false;
            for (ListVersion v : loaded) {
                boolean isNew = ListVersionStore.record(c, v, Optional.empty(), store.now());
                fresh |= isNew;
                changed |= isNew && storedSources.contains(v.source());
            }
            if (fresh) {
                store.audit().append(c, actor, "screening.lists.loaded", "screening_lists", "loaded", summary(loaded));
            }
            return changed;
        });
        return replaced ? rescreenAll(actor) : List.of();
    }

    /**
     * What an update did to one list.
     *
     * @param source the list (UN, OFAC-SDN, CSL, ...)
     * @param sha256 of the new file(s); empty for a list no longer given
     * @param entryCount entries in the new version (0 for a list no longer given)
     * @param changed whether the file differs from the version it replaces (by hash)
     * @param added entries new in this version
     * @param removed entries gone from it
     * @param changedEntries entries whose content changed
     * @param entries the keys ({@code source/entry_id}) added, removed and changed, at most
     *     {@value #KEYS_SHOWN} of each
     */
    public record ListChange(
            String source,
            Optional<LocalDate> publishedOn,
            String sha256,
            int entryCount,
            boolean changed,
            int added,
            int removed,
            int changedEntries,
            Map<String, List<String>> entries) {
        public ListChange {
            entries = Map.copyOf(entries);
        }
    }

    /** Entry keys shown per kind of change in a {@link ListChange}. */
    public static final int KEYS_SHOWN = 100;

    /** What an update did: each list's change, and the hits that changed. */
    public record Update(List<ListChange> lists, List<HitChange> hits) {
        public Update {
            lists = List.copyOf(lists);
            hits = List.copyOf(hits);
        }

        /** Whether any list changed. */
        public boolean changed() {
            return lists.stream().anyMatch(ListChange::changed);
        }
    }

    /**
     * Reads the lists again from where they came from ({@link ScreeningLists#source}) and applies
     * them as {@link #update}: files identical (by hash) to the loaded ones change nothing. Audited
     * either way ({@code screening.lists.updated}, or {@code screening.lists.unchanged}).
     *
     * @throws dev.locus.screening.ScreeningException naming the file and line of a malformed file,
     *     before anything changed
     */
    public synchronized Update reload(String actor) {
        ListSource source = screening.lists().source();
        List<ListVersion> read = source.load();
        Update u = update(read, actor);
        if (!u.changed()) {
            store.db().inTransaction(c -> {
                Map<String, Object> d = summary(read);
                d.put("from", source.description());
                store.audit().append(c, actor, "screening.lists.unchanged", "screening_lists", "reload", d);
                return null;
            });
        }
        return u;
    }

    /**
     * Replaces the lists by {@code updated}: see {@link #update}.
     *
     * @return the hits that changed (raised, raised again, updated, gone)
     */
    public synchronized List<HitChange> replace(List<ListVersion> updated, String actor) {
        return update(updated, actor).hits();
    }

    /**
     * Replaces the lists by {@code updated}: stores each version with its difference from the one of
     * the same source (and position among that source's versions) it replaces, swaps the shared
     * screener, and re-screens every party against the changed entries only. A list no longer given
     * counts as all its entries removed. When every file is the one loaded (by hash), nothing changes.
     */
    public synchronized Update update(List<ListVersion> updated, String actor) {
        List<ListVersion> before = loadedBefore();
        List<ListDiff> diffs = new ArrayList<>();
        List<ListChange> report = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean anyChanged = false;
        for (ListVersion v : updated) {
            int nth = seen.merge(v.source(), 1, Integer::sum);
            Optional<ListVersion> old = nthOfSource(before, v.source(), nth);
            boolean changed = old.isEmpty() || !old.get().sha256().equals(v.sha256());
            ListDiff d = changed
                    ? ListDiff.between(old.orElse(new ListVersion(v.source(), Optional.empty(), "", List.of())), v)
                    : new ListDiff(List.of(), List.of(), List.of());
            diffs.add(d);
            report.add(change(v, changed, d));
            anyChanged |= changed;
        }
        List<ListDiff> vanished = new ArrayList<>();
        Map<String, Integer> counted = new HashMap<>();
        for (ListVersion old : before) {
            int nth = counted.merge(old.source(), 1, Integer::sum);
            if (nth > seen.getOrDefault(old.source(), 0)) {
                ListVersion none = new ListVersion(old.source(), Optional.empty(), "", List.of());
                ListDiff d = ListDiff.between(old, none);
                vanished.add(d);
                report.add(change(none, true, d));
                anyChanged = true;
            }
        }
        if (!anyChanged) {
            return new Update(report, List.of());
        }
        Screener next = Screener.of(updated);
        store.db().inTransaction(c -> {
            for (int i = 0; i < updated.size(); i++) {
                ListVersionStore.record(c, updated.get(i), Optional.of(diffs.get(i)), store.now());
            }
            Map<String, Object> d = summary(updated);
            List<ListDiff> every = new ArrayList<>(diffs);
            every.addAll(vanished);
            d.put("added", every.stream().mapToInt(x -> x.added().size()).sum());
            d.put("removed", every.stream().mapToInt(x -> x.removed().size()).sum());
            d.put("changed", every.stream().mapToInt(x -> x.changed().size()).sum());
            d.put(
                    "no_longer_given",
                    vanished.stream()
                            .map(x -> x.removed().getFirst().source())
                            .distinct()
                            .toList());
            store.audit().append(c, actor, "screening.lists.updated", "screening_lists", "update", d);
            return null;
        });
        screening.lists().replace(new ScreeningLists.Loaded(updated, next));
        List<ListDiff> every = new ArrayList<>(diffs);
        every.addAll(vanished);
        ListDiff all = combined(every);
        if (all.isEmpty()) {
            return new Update(report, List.of());
        }
        return new Update(report, rescreen(next, all, actor));
    }

    /** The lists loaded now (waiting for a load under way); none when loading failed. */
    private List<ListVersion> loadedBefore() {
        try {
            return screening.lists().loaded().versions();
        } catch (ScreeningListsUnavailableException e) {
            return List.of();
        }
    }

    private static ListChange change(ListVersion v, boolean changed, ListDiff d) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put(
                "added",
                d.added().stream().limit(KEYS_SHOWN).map(ListEntry::key).toList());
        keys.put(
                "removed",
                d.removed().stream().limit(KEYS_SHOWN).map(ListEntry::key).toList());
        keys.put(
                "changed",
                d.changed().stream().limit(KEYS_SHOWN).map(x -> x.after().key()).toList());
        return new ListChange(
                v.source(),
                v.publishedOn(),
                v.sha256(),
                v.entryCount(),
                changed,
                d.added().size(),
                d.removed().size(),
                d.changed().size(),
                keys);
    }

    /** Re-screens every party against the changed entries only. */
    private List<HitChange> rescreen(Screener next, ListDiff all, String actor) {
        Set<String> changedKeys = new HashSet<>();
        all.added().forEach(e -> changedKeys.add(e.key()));
        all.removed().forEach(e -> changedKeys.add(e.key()));
        all.changed().forEach(x -> changedKeys.add(x.after().key()));
        Rescreen delta = Rescreen.prepare(next, all);
        return eachPage(actor, (c, p) -> {
            Map<String, Candidate> found = new LinkedHashMap<>();
            boolean touched = false;
            for (Query q : p.details().screeningQueries()) {
                for (Rescreen.Change ch : delta.changesFor(new Rescreen.Party(p.id(), q))) {
                    touched = true;
                    if (ch.after().isPresent()) {
                        ScreeningMatch m = ch.after().get();
                        Candidate k = Candidates.fromMatch(q, m, Fingerprints.party(p.details()));
                        found.merge(ch.entryKey(), k, (a, b) -> a.score() >= b.score() ? a : b);
                    }
                }
            }
            if (!touched) {
                return List.of();
            }
            return screening
                    .lifecycle()
                    .reconcile(c, p.id(), Hit.Kind.LIST_MATCH, found, changedKeys::contains, actor, store.now());
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
            List<HitChange> pageChanges = store.db().inTransaction(c -> {
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
