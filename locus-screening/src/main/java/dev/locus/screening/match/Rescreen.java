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
 * (HIT_GONE). Each party is screened against two small indexes (the entries before and after the
 * change), with the token weights of the full, updated lists, so nothing is stored between runs.
 */
public final class Rescreen {

    private Rescreen() {}

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

    /**
     * @param updated a screener over the updated lists (the delta is scored with its weights)
     * @param progress called with the number of parties done, every 100,000
     */
    public static List<Change> run(Screener updated, ListDiff diff, Iterable<Party> parties, IntConsumer progress) {
        List<ListEntry> beforeEntries = new ArrayList<>(diff.removed());
        List<ListEntry> afterEntries = new ArrayList<>(diff.added());
        for (ListDiff.Changed c : diff.changed()) {
            beforeEntries.add(c.before());
            afterEntries.add(c.after());
        }
        Screener before = updated.restrictedTo(beforeEntries);
        Screener after = updated.restrictedTo(afterEntries);
        List<Change> changes = new ArrayList<>();
        int done = 0;
        for (Party p : parties) {
            Map<String, ScreeningMatch> was = byKey(beforeEntries.isEmpty() ? List.of() : before.screen(p.query()));
            Map<String, ScreeningMatch> now = byKey(afterEntries.isEmpty() ? List.of() : after.screen(p.query()));
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
            if (++done % 100_000 == 0) {
                progress.accept(done);
            }
        }
        return changes;
    }

    private static Map<String, ScreeningMatch> byKey(List<ScreeningMatch> matches) {
        Map<String, ScreeningMatch> m = new HashMap<>();
        for (ScreeningMatch s : matches) {
            m.put(s.entry().key(), s);
        }
        return m;
    }
}
