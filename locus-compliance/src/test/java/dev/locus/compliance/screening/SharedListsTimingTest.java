package dev.locus.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Two consecutive control-plane starts in one JVM, each with its own {@link ScreeningLists} over the
 * bundled lists, as the integration tests do: prints how long each took to be ready (a figure for
 * the README, no threshold).
 */
class SharedListsTimingTest {
    @Test
    void twoStartsInOneJvm_printTheirTimeToReady() {
        for (int start = 1; start <= 2; start++) {
            long t0 = System.nanoTime();
            ScreeningLists lists = new ScreeningLists(ListSource.bundled(), loaded -> {});
            ScreeningLists.Loaded loaded = lists.startLoading().join();
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.println(String.format(
                    Locale.ROOT,
                    "start %d: bundled lists ready after %.3f s (%d entries)",
                    start,
                    s,
                    loaded.entryCount()));
            assertThat(lists.status().state()).isEqualTo(ScreeningLists.State.READY);
        }
    }
}
