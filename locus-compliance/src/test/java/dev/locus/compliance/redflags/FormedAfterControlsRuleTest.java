package dev.locus.compliance.redflags;

import static dev.locus.compliance.redflags.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.compliance.redflags.PartyFacts.Ownership;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FormedAfterControlsRuleTest {
    private final FormedAfterControlsRule rule = new FormedAfterControlsRule();

    private static PartyFacts incorporated(String id, LocalDate on) {
        return singaporeEndUser(id, on, Ownership.KNOWN);
    }

    @Test
    void buyerIncorporatedIn2024_fires() {
        InMemoryRecord r = new InMemoryRecord()
                .add(incorporated("buyer", LocalDate.of(2024, 2, 1)))
                .add(order("o1", "buyer", "SG", 8));

        assertThat(rule.evaluate(Subject.party("buyer"), r, POLICY)).hasSize(1);
    }

    @Test
    void olderBuyer_orNewPartyThatBoughtNothing_doesNotFire() {
        InMemoryRecord r = new InMemoryRecord()
                .add(incorporated("old", LocalDate.of(2022, 10, 7)))
                .add(order("o1", "old", "SG", 8))
                .add(incorporated("new", LocalDate.of(2024, 2, 1)));

        assertThat(rule.evaluate(Subject.party("old"), r, POLICY)).isEmpty();
        assertThat(rule.evaluate(Subject.party("new"), r, POLICY)).isEmpty();
    }
}
