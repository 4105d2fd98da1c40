package dev.locus.compliance.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.screening.ownership.Validity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnershipServiceTest {
    private static StoredLink held(double percent, String from, String until) {
        return new StoredLink(
                1,
                "a",
                "x",
                percent,
                true,
                new Validity(
                        Optional.of(LocalDate.parse(from)),
                        until.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(until))),
                Instant.EPOCH);
    }

    private static LinkInput adding(double percent, String from) {
        return new LinkInput("b", percent, true, Validity.from(LocalDate.parse(from)));
    }

    @Test
    void directOwnersAboveAHundredPercent_onSomeDate_areRefused_sayingWhen() {
        Optional<String> over =
                OwnershipService.overHundred(List.of(held(70, "2024-01-01", "")), adding(40, "2025-06-01"));
        assertThat(over).isPresent();
        assertThat(over.get()).contains("110.0000 %", "2025-06-01");
    }

    @Test
    void sharesHeldOneAfterTheOther_doNotAddUp() {
        assertThat(OwnershipService.overHundred(
                        List.of(held(70, "2024-01-01", "2025-05-31")), adding(40, "2025-06-01")))
                .isEmpty();
    }

    @Test
    void anEarlierOwner_stillHoldingWhenTheNewLinkStarts_counts() {
        // the new link starts before the old one: the overlap begins at the old link's start
        assertThat(OwnershipService.overHundred(List.of(held(70, "2025-01-01", "")), adding(40, "2024-01-01")))
                .isPresent();
    }

    @Test
    void indirectDisclosures_areFloorsNotHoldings_andAreNotSummed() {
        LinkInput indirect = new LinkInput("b", 90, false, Validity.ALWAYS);
        assertThat(OwnershipService.overHundred(List.of(held(70, "2024-01-01", "")), indirect))
                .isEmpty();
    }
}
