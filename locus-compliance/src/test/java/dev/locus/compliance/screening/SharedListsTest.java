package dev.locus.compliance.screening;

import static dev.locus.compliance.screening.ScreeningFixture.cslRow;
import static dev.locus.compliance.screening.ScreeningFixture.writeCsl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.screening.list.ListLoader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lists read and indexed once per JVM for the same content; a folder whose files changed is read anew. */
class SharedListsTest {
    @TempDir
    Path dir;

    private final AtomicInteger reads = new AtomicInteger();

    /** The folder's lists, counting each read, shared by the folder's file hashes like {@link ListSource#directory}. */
    private ListSource counted() {
        return new ListSource(
                dir.toString(),
                Optional.of(dir),
                () -> {
                    reads.incrementAndGet();
                    return ListLoader.fromDirectory(dir);
                },
                () -> ListSource.folderKey(dir));
    }

    private static ScreeningLists.Loaded ready(ScreeningLists lists) {
        ScreeningLists.Loaded loaded = lists.startLoading().join();
        assertThat(lists.status().state()).isEqualTo(ScreeningLists.State.READY);
        return loaded;
    }

    @Test
    void aSecondStartOverTheSameFiles_isReadyWithoutReading_andChangedFilesAreReadAgain() throws Exception {
        // a name no other test uses, so that no earlier test in this JVM shared these contents
        String unique = "Unique Holdings " + UUID.randomUUID();
        writeCsl(dir, "csl-2025-12-01.csv", cslRow("el-1", unique, "1 Marina Boulevard, Singapore, SG"));
        ScreeningLists.Loaded first = ready(new ScreeningLists(counted(), l -> {}));
        assertThat(reads).hasValue(1);

        ScreeningLists second = new ScreeningLists(counted(), l -> {});
        assertThat(ready(second)).isSameAs(first);
        assertThat(reads).hasValue(1);
        assertThat(second.status().entries()).isEqualTo(1);

        writeCsl(dir, "csl-2025-12-05.csv", cslRow("el-2", unique + " Two", "8 Harbour Road, Wan Chai, Hong Kong, HK"));
        ScreeningLists.Loaded changed = ready(new ScreeningLists(counted(), l -> {}));
        assertThat(reads).hasValue(2);
        assertThat(changed).isNotSameAs(first);
        assertThat(changed.versions()
                        .getFirst()
                        .entries()
                        .getFirst()
                        .names()
                        .getFirst()
                        .value())
                .isEqualToIgnoringCase(unique + " Two");
    }

    @Test
    void theBundledListsAreSharedByEveryStartInTheJvm() {
        ScreeningLists.Loaded a = ready(new ScreeningLists(ListSource.bundled(), l -> {}));
        ScreeningLists.Loaded b = ready(new ScreeningLists(ListSource.bundled(), l -> {}));
        assertThat(b).isSameAs(a);
        assertThat(b.screener()).isSameAs(a.screener());
    }

    @Test
    void aSourceWithoutAContentKey_isReadEachTime() {
        ListSource plain = new ListSource("plain", () -> {
            reads.incrementAndGet();
            return ScreeningFixture.tinyList();
        });
        ready(new ScreeningLists(plain, l -> {}));
        ready(new ScreeningLists(plain, l -> {}));
        assertThat(reads).hasValue(2);
    }
}
