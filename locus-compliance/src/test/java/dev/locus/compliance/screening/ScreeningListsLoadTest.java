package dev.locus.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.compliance.parties.PartyKind;
import dev.locus.screening.ScreeningException;
import dev.locus.screening.list.ListVersion;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The lists load in the background; screenings asked for before they are ready wait for them, and
 * the load state says so. Every step waits for a condition, never for time.
 */
class ScreeningListsLoadTest {
    @Test
    void aSaveWhileLoading_waitsForTheLists_thenScreens_andTheStatusShowsLoadingThenReady() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<ListVersion> real = ScreeningFixture.tinyList();
        ListSource gated = new ListSource("gated", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return real;
        });
        try (ScreeningFixture f = new ScreeningFixture("h2", gated)) {
            assertThat(f.lists.status().state()).isEqualTo(ScreeningLists.State.NOT_STARTED);
            f.lists.startLoading();
            assertThat(f.lists.status().state()).isEqualTo(ScreeningLists.State.LOADING);
            assertThat(f.lists.loadedNow()).isEmpty();

            CompletableFuture<String> save = CompletableFuture.supplyAsync(
                    () -> f.company("orchid", PartyKind.CONSIGNEE, "Orchid Harbour Trading Private Limited", "SG"));
            ScreeningFixture.until(
                    "the save waits for the lists", () -> f.lists.status().waiting() == 1);
            assertThat(save).isNotDone();
            assertThat(f.lists.status().state()).isEqualTo(ScreeningLists.State.LOADING);

            release.countDown();
            assertThat(save.join()).isEqualTo("orchid");
            ScreeningLists.Status ready = f.lists.status();
            assertThat(ready.state()).isEqualTo(ScreeningLists.State.READY);
            assertThat(ready.lists()).isEqualTo(1);
            assertThat(ready.entries()).isEqualTo(real.getFirst().entryCount());
            assertThat(ready.waiting()).isZero();
            assertThat(f.hits("orchid")).isNotEmpty(); // screened (its unknown ownership at least)
        }
    }

    @Test
    void aSaveWhileStillLoadingAfterTheWait_isRefusedClearly_andNothingIsSaved() {
        CountDownLatch never = new CountDownLatch(1);
        ListSource stuck = new ListSource("stuck", () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return List.of();
        });
        try (ScreeningFixture f = new ScreeningFixture("h2", stuck, Duration.ZERO)) {
            assertThatThrownBy(() -> f.company("x", PartyKind.COMPANY, "X Trading Limited", "SG"))
                    .isInstanceOf(ScreeningListsUnavailableException.class)
                    .hasMessageContaining("still loading")
                    .hasMessageContaining("stuck");
            assertThat(f.parties.find("x")).isEmpty();
        } finally {
            never.countDown();
        }
    }

    @Test
    void aLoadThatFails_isShownAsFailed_andRefusesScreeningNamingTheFile() throws Exception {
        ListSource broken = new ListSource("broken", () -> {
            throw new ScreeningException("csl-bad.csv:3: field name: empty");
        });
        try (ScreeningFixture f = new ScreeningFixture("h2", broken)) {
            f.lists.startLoading();
            ScreeningFixture.until("the load fails", () -> f.lists.status().state() == ScreeningLists.State.FAILED);
            assertThat(f.lists.status().error())
                    .hasValueSatisfying(e -> assertThat(e).contains("csl-bad.csv:3"));
            assertThatThrownBy(() -> f.company("x", PartyKind.COMPANY, "X Trading Limited", "SG"))
                    .isInstanceOf(ScreeningListsUnavailableException.class)
                    .hasMessageContaining("csl-bad.csv:3");
        }
    }
}
