package dev.locus.compliance.redflags;

import static dev.locus.compliance.redflags.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnprovenLocationRuleTest {
    private final UnprovenLocationRule rule = new UnprovenLocationRule();

    @Test
    void chipInServiceWithoutProof_fires() {
        InMemoryRecord r = new InMemoryRecord().add(chip("c1", new ProvenLocation.Unproven("INCONCLUSIVE")));

        assertThat(onlyFinding(rule, Subject.chip("c1"), r).evidence()).containsEntry("reason", "INCONCLUSIVE");
    }

    @Test
    void provenChip_orChipNotYetInService_doesNotFire() {
        InMemoryRecord r = new InMemoryRecord()
                .add(chip("c1", inZone("SG")))
                .add(new ChipFacts(
                        "c2",
                        "H100",
                        Optional.empty(),
                        "sg-1",
                        "SG",
                        false,
                        new ProvenLocation.Unproven("none"),
                        List.of()));

        assertThat(rule.evaluate(Subject.chip("c1"), r, POLICY)).isEmpty();
        assertThat(rule.evaluate(Subject.chip("c2"), r, POLICY)).isEmpty();
    }
}
