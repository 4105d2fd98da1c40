package dev.locus.screening.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.screening.list.EntryType;
import dev.locus.screening.list.ListDiff;
import dev.locus.screening.list.ListEntry;
import dev.locus.screening.list.ListLoader;
import dev.locus.screening.list.ListVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RescreenTest {

    @Test
    void aListUpdate_reportsOnlyThePartiesWhoseHitsChanged() {
        ListVersion before = ListLoader.bundledUn();
        ListEntry removed = before.entries().stream()
                .filter(e -> e.entryId().equals("CDi.001"))
                .findFirst()
                .orElseThrow();
        List<ListEntry> entries = new ArrayList<>(before.entries());
        entries.remove(removed);
        ListEntry added = ListEntry.named(
                "UN", "QDe.999", EntryType.ENTITY, "ORCHID HARBOUR TRADING PTE. LTD.", Set.of("SG"), List.of("QD"));
        entries.add(added);
        ListVersion after = new ListVersion("UN", Optional.empty(), "new", entries);
        Screener updated = Screener.of(List.of(after));
        List<Rescreen.Party> parties = List.of(
                new Rescreen.Party("p1", Query.ofName("Orchid Harbour Trading Private Limited")),
                new Rescreen.Party("p2", Query.ofName("Eric Badege")),
                new Rescreen.Party("p3", Query.ofName("Ingeborg Abrahamsen")),
                new Rescreen.Party("p4", Query.ofName("THARWAT SALAH SHIHATA")));
        List<Rescreen.Change> changes = Rescreen.run(updated, ListDiff.between(before, after), parties, n -> {});
        assertThat(changes)
                .extracting(Rescreen.Change::partyId, Rescreen.Change::kind, Rescreen.Change::entryKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("p1", Rescreen.ChangeKind.NEW_HIT, "UN/QDe.999"),
                        org.assertj.core.groups.Tuple.tuple("p2", Rescreen.ChangeKind.HIT_GONE, "UN/CDi.001"));
    }
}
