package dev.locus.screening.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListDiffTest {

    static ListEntry entry(String id, String name) {
        return ListEntry.named("UN", id, EntryType.INDIVIDUAL, name, Set.of(), List.of());
    }

    @Test
    void diff_reportsAddedRemovedAndChangedByEntryKey() {
        ListVersion before = new ListVersion(
                "UN", Optional.empty(), "a", List.of(entry("1", "A"), entry("2", "B"), entry("3", "C")));
        ListVersion after = new ListVersion(
                "UN", Optional.empty(), "b", List.of(entry("1", "A"), entry("2", "B PRIME"), entry("4", "D")));
        ListDiff d = ListDiff.between(before, after);
        assertThat(d.added()).extracting(ListEntry::entryId).containsExactly("4");
        assertThat(d.removed()).extracting(ListEntry::entryId).containsExactly("3");
        assertThat(d.changed()).extracting(c -> c.after().primaryName()).containsExactly("B PRIME");
        assertThat(ListDiff.between(after, after).isEmpty()).isTrue();
    }

    @Test
    void diff_ofTheBundledUnListAgainstAnEditedCopy() {
        ListVersion un = ListLoader.bundledUn();
        List<ListEntry> edited = new ArrayList<>(un.entries().subList(1, un.entryCount()));
        edited.add(entry("QDi.999", "NEW PERSON"));
        ListDiff d = ListDiff.between(un, new ListVersion("UN", Optional.empty(), "x", edited));
        assertThat(d.added()).hasSize(1);
        assertThat(d.removed())
                .extracting(ListEntry::entryId)
                .containsExactly(un.entries().getFirst().entryId());
        assertThat(d.changed()).isEmpty();
    }
}
