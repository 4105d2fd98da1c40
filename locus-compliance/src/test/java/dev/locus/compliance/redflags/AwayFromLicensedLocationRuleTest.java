package dev.locus.compliance.redflags;

import static dev.locus.compliance.redflags.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AwayFromLicensedLocationRuleTest {
    private final AwayFromLicensedLocationRule rule = new AwayFromLicensedLocationRule();

    @Test
    void provenOutsideZone_firesCritical() {
        InMemoryRecord r =
                new InMemoryRecord().add(chip("c1", new ProvenLocation.Away(Set.of("OUTSIDE_ZONE"), 7, Instant.EPOCH)));

        Finding f = onlyFinding(rule, Subject.chip("c1"), r);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.source()).isEqualTo(Source.CSA_4A2_A);
        assertThat(f.evidence()).containsEntry("verdict_id", 7L);
    }

    @Test
    void provenInZone_orUnproven_doesNotFire() {
        InMemoryRecord r = new InMemoryRecord()
                .add(chip("c1", inZone("SG")))
                .add(chip("c2", new ProvenLocation.Unproven("INCONCLUSIVE")));

        assertThat(rule.evaluate(Subject.chip("c1"), r, POLICY)).isEmpty();
        assertThat(rule.evaluate(Subject.chip("c2"), r, POLICY)).isEmpty();
    }
}
