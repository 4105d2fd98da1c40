package dev.locus.compliance.redflags;

import static dev.locus.compliance.redflags.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirstTimeBuyerLargeVolumeRuleTest {
    private final FirstTimeBuyerLargeVolumeRule rule = new FirstTimeBuyerLargeVolumeRule();

    @Test
    void firstOrderOf2000_fires() {
        InMemoryRecord r = new InMemoryRecord().add(order("o1", "buyer", "SG", 2000));

        assertThat(onlyFinding(rule, Subject.party("buyer"), r).evidence()).containsEntry("quantity", 2000);
    }

    @Test
    void largeOrderAfterASmallFirstOne_orPolicyOff_doesNotFire() {
        InMemoryRecord r = new InMemoryRecord()
                .add(order("o1", "buyer", "SG", 16, ORDERED.minusYears(2), Optional.empty()))
                .add(order("o2", "buyer", "SG", 2000))
                .add(order("o3", "other", "SG", 2000));

        assertThat(rule.evaluate(Subject.party("buyer"), r, POLICY)).isEmpty();
        assertThat(RedFlagRules.all().evaluate(Subject.party("other"), r, POLICY.without(rule.id())))
                .extracting(Finding::rule)
                .doesNotContain(rule.id());
    }
}
