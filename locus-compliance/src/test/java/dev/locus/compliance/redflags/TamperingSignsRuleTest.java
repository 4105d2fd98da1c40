package dev.locus.compliance.redflags;

import static dev.locus.compliance.redflags.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TamperingSignsRuleTest {
    private final TamperingSignsRule rule = new TamperingSignsRule();

    @Test
    void clonedIdentity_firesCritical_silenceAloneWarns() {
        InMemoryRecord r = new InMemoryRecord()
                .add(chip(
                        "c1",
                        inZone("SG"),
                        new TamperingSign(TamperingSign.Kind.CLONED_IDENTITY, 3, "two places", Instant.EPOCH)))
                .add(chip(
                        "c2",
                        inZone("SG"),
                        new TamperingSign(TamperingSign.Kind.SILENCE, 4, "silent 3 h", Instant.EPOCH)));

        assertThat(onlyFinding(rule, Subject.chip("c1"), r).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(onlyFinding(rule, Subject.chip("c2"), r).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void noSigns_doesNotFire() {
        InMemoryRecord r = new InMemoryRecord().add(chip("c1", inZone("SG")));

        assertThat(rule.evaluate(Subject.chip("c1"), r, POLICY)).isEmpty();
    }
}
