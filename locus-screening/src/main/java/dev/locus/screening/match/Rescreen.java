package dev.locus.screening.match;

import dev.locus.screening.list.ListDiff;
import dev.locus.screening.list.ListEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * After a list update, re-screens parties against only what changed and reports only changes: a
 * party that now hits an added or changed entry it did not hit before (NEW_HIT), a hit whose entry
 * changed and still hits (CHANGED_HIT), a hit whose entry was removed or no longer matches
 * (HIT_GONE). Each party is screened once against a small index of the changed entries (their
 * versions before and after), with the token weights of the full, updated lists, so nothing is stored between runs.
 */
public final class Rescreen {

    /** A party to screen: the caller's id and what is known of it. */
    public record Party(String id, Query query) {
        public Party {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(query, "query");
        }
    }

    public enum ChangeKind {
        NEW_HIT,
        CHANGED_HIT,
        HIT_GONE
    }

    /** One change for one party; {@code before}/{@code after} are empty where there was/is no hit. */
    public record Change(
            String partyId,
            ChangeKind kind,
            String entryKey,
            java.util.Optional<ScreeningMatch> before,
            java.util.Optional<ScreeningMatch> after) {}

    private final Screener delta;
    private final java.util.Set<ListEntry> beforeEntries;

    private Rescreen(Screener updated, ListDiff diff) {
        List<ListEntry> was = new ArrayList<>(diff.removed());
        List<ListEntry> all = new ArrayList<>(diff.removed());
        all.addAll(diff.added());
        for (ListDiff.Changed c : diff.changed()) {
            was.add(c.before());
            all.add(c.before());
            all.add(c.after());
        }
        this.beforeEntries = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        this.beforeEntries.addAll(was);
        this.delta = updated.restrictedTo(all);
    }

    /**
     * Prepares a re-screen for one list update: a small index of the changed entries, scored with the weights of
     * {@code updated} (a screener over the updated lists). Thread-safe once built.
     */
    public static Rescreen prepare(Screener updated, ListDiff diff) {
        return new Rescreen(updated, diff);
    }

    /** Sequentially re-screens parties; {@code progress} gets the count every 100,000. */
    public static List<Change> run(Screener updated, ListDiff diff, Iterable<Party> parties, IntConsumer progress) {
        Rescreen r = prepare(updated, diff);
        List<Change> changes = new ArrayList<>();
        int done = 0;
        for (Party p : parties) {
            changes.addAll(r.changesFor(p));
            if (++done % 100_000 == 0) {
                progress.accept(done);
            }
        }
        return changes;
    }

    /** The changes for one party (usually none); one index lookup covers the entries before and after. */
    public List<Change> changesFor(Party p) {
        List<ScreeningMatch> hits = delta.screen(p.query());
        if (hits.isEmpty()) {
            return List.of();
        }
        Map<String, ScreeningMatch> was = new HashMap<>();
        Map<String, ScreeningMatch> now = new HashMap<>();
        for (ScreeningMatch m : hits) {
            (beforeEntries.contains(m.entry()) ? was : now).put(m.entry().key(), m);
        }
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, ScreeningMatch> e : now.entrySet()) {
            ScreeningMatch old = was.get(e.getKey());
            changes.add(new Change(
                    p.id(),
                    old == null ? ChangeKind.NEW_HIT : ChangeKind.CHANGED_HIT,
                    e.getKey(),
                    java.util.Optional.ofNullable(old),
                    java.util.Optional.of(e.getValue())));
        }
        for (Map.Entry<String, ScreeningMatch> e : was.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                changes.add(new Change(
                        p.id(),
                        ChangeKind.HIT_GONE,
                        e.getKey(),
                        java.util.Optional.of(e.getValue()),
                        java.util.Optional.empty()));
            }
        }
        return changes;
    }
}
