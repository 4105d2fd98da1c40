package dev.locus.compliance.screening;

import static dev.locus.compliance.screening.ScreeningFixture.cslRow;
import static dev.locus.compliance.screening.ScreeningFixture.writeCsl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.locus.compliance.parties.PartyKind;
import dev.locus.compliance.testing.TestDb;
import dev.locus.screening.ScreeningException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reloading the screening lists from their folder, on H2 and (when configured) PostgreSQL. */
class ListReloadTest {
    static List<String> engines() {
        return TestDb.engines();
    }

    private static final String ATLAS = cslRow("el-1", "Atlas Sanatgaran", "Komitas 26/114, Yerevan, Armenia, AM");
    private static final String ZEPHYR =
            cslRow("el-2", "Zephyr Quantum Microsystems Limited", "8 Harbour Road, Wan Chai, Hong Kong, HK");
    private static final String ORCHID =
            cslRow("el-3", "Orchid Harbour Trading Pte. Ltd.", "1 Marina Boulevard, Singapore, SG");

    @TempDir
    Path dir;

    /** The versions stored once the loading thread recorded the first load (it does so just after). */
    private static int recorded(ScreeningFixture f) throws InterruptedException {
        f.lists.loaded();
        ScreeningFixture.until(
                "the first load recorded", () -> !f.screening.listVersions().isEmpty());
        return f.screening.listVersions().size();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aModifiedList_raisesTheNewEntrysHit_marksTheRemovedEntrysHitGone_andTheSameFilesChangeNothing(String engine)
            throws Exception {
        writeCsl(dir, "csl-2025-12-01.csv", ATLAS, ZEPHYR);
        try (ScreeningFixture f = new ScreeningFixture(engine, ListSource.directory(dir))) {
            f.company("atlas", PartyKind.COMPANY, "Atlas Sanatgaran", "AM");
            f.company("orchid", PartyKind.CONSIGNEE, "Orchid Harbour Trading Private Limited", "SG");
            f.company("quiet", PartyKind.END_USER, "Quiet Trader Holdings", "SG");
            assertThat(f.hit("atlas", "CSL:EL/el-1"))
                    .get()
                    .extracting(Hit::status)
                    .isEqualTo(Hit.Status.OPEN);
            assertThat(f.hit("orchid", "CSL:EL/el-3")).isEmpty();
            int versions = recorded(f);

            writeCsl(dir, "csl-2025-12-05.csv", ZEPHYR, ORCHID);
            ListUpdates.Update u = f.updates.reload("admin");

            assertThat(u.changed()).isTrue();
            assertThat(u.lists()).singleElement().satisfies(l -> {
                assertThat(l.source()).isEqualTo("CSL");
                assertThat(l.publishedOn()).hasValue(java.time.LocalDate.of(2025, 12, 5));
                assertThat(l.entryCount()).isEqualTo(2);
                assertThat(l.sha256()).hasSize(64);
                assertThat(List.of(l.added(), l.removed(), l.changedEntries())).containsExactly(1, 1, 0);
                assertThat(l.entries().get("added")).containsExactly("CSL:EL/el-3");
                assertThat(l.entries().get("removed")).containsExactly("CSL:EL/el-1");
            });
            assertThat(u.hits())
                    .extracting(HitChange::partyId, HitChange::subjectKey, HitChange::what)
                    .containsExactlyInAnyOrder(
                            tuple("orchid", "CSL:EL/el-3", HitChange.What.RAISED),
                            tuple("atlas", "CSL:EL/el-1", HitChange.What.GONE));
            assertThat(f.hit("orchid", "CSL:EL/el-3"))
                    .get()
                    .extracting(Hit::status)
                    .isEqualTo(Hit.Status.OPEN);
            assertThat(f.hit("atlas", "CSL:EL/el-1"))
                    .get()
                    .extracting(Hit::status)
                    .isEqualTo(Hit.Status.GONE);
            assertThat(f.screening.listVersions()).hasSize(versions + 1);
            StoredListVersion stored = f.screening.listVersions().getFirst();
            assertThat(stored.added()).hasValue(1);
            assertThat(stored.removed()).hasValue(1);
            assertThat(stored.publishedOn()).hasValue(java.time.LocalDate.of(2025, 12, 5));

            ListUpdates.Update again = f.updates.reload("admin");
            assertThat(again.changed()).isFalse();
            assertThat(again.hits()).isEmpty();
            assertThat(again.lists()).allSatisfy(l -> assertThat(l.changed()).isFalse());
            assertThat(f.screening.listVersions()).hasSize(versions + 1);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aMalformedFile_isRefusedNamingFileAndLine_andChangesNothing(String engine) throws Exception {
        writeCsl(dir, "csl-2025-12-01.csv", ATLAS, ZEPHYR);
        try (ScreeningFixture f = new ScreeningFixture(engine, ListSource.directory(dir))) {
            f.company("atlas", PartyKind.COMPANY, "Atlas Sanatgaran", "AM");
            int versions = recorded(f);
            var before = f.lists.loaded();

            writeCsl(dir, "csl-2025-12-05.csv", ORCHID, cslRow("el-4", "", "Somewhere, SG"));
            assertThatThrownBy(() -> f.updates.reload("admin"))
                    .isInstanceOf(ScreeningException.class)
                    .hasMessageContaining("csl-2025-12-05.csv:3:")
                    .hasMessageContaining("field name: empty");

            assertThat(f.lists.loaded()).isSameAs(before);
            assertThat(f.screening.listVersions()).hasSize(versions);
            assertThat(f.hit("atlas", "CSL:EL/el-1"))
                    .get()
                    .extracting(Hit::status)
                    .isEqualTo(Hit.Status.OPEN);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aListNoLongerGiven_countsAsAllItsEntriesRemoved(String engine) throws Exception {
        writeCsl(dir, "csl-2025-12-01.csv", ATLAS);
        Path un = dir.resolve("more");
        java.nio.file.Files.createDirectories(un);
        writeCsl(un, "csl-2025-12-02.csv", ZEPHYR);
        try (ScreeningFixture f = new ScreeningFixture(engine, ListSource.directory(dir))) {
            f.company("zephyr", PartyKind.COMPANY, "Zephyr Quantum Microsystems Ltd", "HK");
            assertThat(f.hit("zephyr", "CSL:EL/el-2")).isPresent();

            java.nio.file.Files.delete(un.resolve("csl-2025-12-02.csv"));
            ListUpdates.Update u = f.updates.reload("admin");

            assertThat(u.lists())
                    .extracting(ListUpdates.ListChange::changed, ListUpdates.ListChange::removed)
                    .containsExactly(tuple(false, 0), tuple(true, 1));
            assertThat(u.hits())
                    .extracting(HitChange::partyId, HitChange::what)
                    .containsExactly(tuple("zephyr", HitChange.What.GONE));
        }
    }
}
