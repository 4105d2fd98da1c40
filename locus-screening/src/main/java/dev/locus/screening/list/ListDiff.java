package dev.locus.screening.list;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two versions of a list, by entry key ({@code source/entryId}): added,
 * removed, and changed (same key, different content).
 */
public record ListDiff(List<ListEntry> added, List<ListEntry> removed, List<Changed> changed) {

    /** An entry whose content differs between the versions. */
    public record Changed(ListEntry before, ListEntry after) {}

    public ListDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public static ListDiff between(ListVersion before, ListVersion after) {
        Map<String, ListEntry> old = index(before.entries());
        Map<String, ListEntry> now = index(after.entries());
        List<ListEntry> added = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        for (ListEntry e : now.values()) {
            ListEntry prior = old.get(e.key());
            if (prior == null) {
                added.add(e);
            } else if (!prior.equals(e)) {
                changed.add(new Changed(prior, e));
            }
        }
        List<ListEntry> removed =
                old.values().stream().filter(e -> !now.containsKey(e.key())).toList();
        return new ListDiff(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    private static Map<String, ListEntry> index(List<ListEntry> entries) {
        Map<String, ListEntry> m = new LinkedHashMap<>();
        for (ListEntry e : entries) {
            m.put(e.key(), e);
        }
        return m;
    }
}
