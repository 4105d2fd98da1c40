package dev.locus.compliance.redflags;

import static dev.locus.compliance.redflags.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VolumeAnomalyRuleTest {
    private static InMemoryRecord billedToSingapore(int... chipsPerYear) {
        InMemoryRecord r = new InMemoryRecord();
        for (int i = 0; i < chipsPerYear.length; i++) {
            r.add(order("o" + i, "buyer", "SG", chipsPerYear[i], LocalDate.of(2021 + i, 6, 1), Optional.empty()));
        }
        return r;
    }

    @Test
    void the740PercentPattern_firesWithItsStatistics() {
        InMemoryRecord r = billedToSingapore(1000, 1000, 8400).add(capacity("sg-1", "dc", "SG", 2.5));

        Finding f = onlyFinding(VolumeAnomalyRule.forCountries(), Subject.country("SG"), r);
        assertThat(f.evidence()).containsEntry("growth_percent", 740L);
        assertThat(f.evidence()).containsEntry("chips_declared_capacity_can_power", 2000L);
        assertThat(f.key()).isEqualTo("SG/2023");
        assertThat(VolumeAnomalyRule.forBuyers().evaluate(Subject.party("buyer"), r, POLICY))
                .hasSize(1);
    }

    @Test
    void steadyGrowth_orAJumpTheCapacityCanRun_doesNotFire() {
        InMemoryRecord steady = billedToSingapore(1000, 1200, 1500);
        InMemoryRecord powered = billedToSingapore(1000, 1000, 8400).add(capacity("sg-1", "dc", "SG", 20));

        assertThat(VolumeAnomalyRule.forCountries().evaluate(Subject.country("SG"), steady, POLICY))
                .isEmpty();
        assertThat(VolumeAnomalyRule.forCountries().evaluate(Subject.country("SG"), powered, POLICY))
                .isEmpty();
        assertThat(VolumeAnomalyRule.forCountries().evaluate(Subject.country("SG"), billedToSingapore(9000), POLICY))
                .as("no history, no jump")
                .isEmpty();
        assertThat(VolumeAnomalyRule.forBuyers().evaluate(Subject.party("buyer"), billedToSingapore(2, 2, 40), POLICY))
                .as("a small buyer's noise")
                .isEmpty();
    }
}
