package dev.locus.compliance.redflags;

import static dev.locus.compliance.redflags.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.compliance.redflags.PartyFacts.Ownership;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OwnershipUnknownRuleTest {
    private final OwnershipUnknownRule rule = new OwnershipUnknownRule();

    private static PartyFacts owned(String id, Ownership o) {
        return singaporeEndUser(id, LocalDate.of(2010, 1, 1), o);
    }

    @Test
    void buyerWithUndisclosedShare_fires() {
        InMemoryRecord r = new InMemoryRecord()
                .add(owned("buyer", Ownership.UNDISCLOSED_SHARE))
                .add(order("o1", "buyer", "SG", 8));

        assertThat(rule.evaluate(Subject.party("buyer"), r, POLICY)).hasSize(1);
    }

    @Test
    void knownOwners_orUninvolvedParty_doesNotFire() {
        InMemoryRecord r = new InMemoryRecord()
                .add(owned("buyer", Ownership.KNOWN))
                .add(order("o1", "buyer", "SG", 8))
                .add(owned("idle", Ownership.UNKNOWN));

        assertThat(rule.evaluate(Subject.party("buyer"), r, POLICY)).isEmpty();
        assertThat(rule.evaluate(Subject.party("idle"), r, POLICY)).isEmpty();
    }
}
