package dev.locus.compliance.redflags;

import static dev.locus.compliance.redflags.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteCapacityRuleTest {
    private final SiteCapacityRule rule = new SiteCapacityRule(ChipPower.bundled());

    @Test
    void twoThousandH100sForASiteThatPowersAbout200_fires() {
        InMemoryRecord r = new InMemoryRecord()
                .add(capacity("sg-small", "buyer", "SG", 0.25))
                .add(order("o1", "buyer", "SG", 2000, ORDERED, Optional.of("sg-small")));

        Finding f = onlyFinding(rule, Subject.site("sg-small"), r);
        assertThat(f.evidence()).containsEntry("chips_the_site_can_power", 200L);
        assertThat(f.evidence()).containsEntry("power_needed_mw", 2.5);
    }

    @Test
    void siteWithNoDeclaredCapacity_fires() {
        InMemoryRecord r = new InMemoryRecord().add(order("o1", "buyer", "SG", 8, ORDERED, Optional.of("nowhere")));

        assertThat(onlyFinding(rule, Subject.site("nowhere"), r).evidence()).containsEntry("capacity_declared", false);
    }

    @Test
    void siteWithThePower_doesNotFire() {
        InMemoryRecord r = new InMemoryRecord()
                .add(capacity("my-1", "cloud", "MY", 30))
                .add(order("o1", "cloud", "MY", 16_000, ORDERED, Optional.of("my-1")));

        assertThat(rule.evaluate(Subject.site("my-1"), r, POLICY)).isEmpty();
    }
}
