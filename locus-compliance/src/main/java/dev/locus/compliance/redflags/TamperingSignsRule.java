package dev.locus.compliance.redflags;

import java.util.List;
import java.util.Optional;

/**
 * Signs of tampering or evasion of location verification (CSA §4(a)(2)(C)), read from the
 * location alerts already raised: silence, a cloned identity, a landmark that lied.
 */
public final class TamperingSignsRule extends ChipRule {
    public TamperingSignsRule() {
        super("TAMPERING_SIGNS", Source.CSA_4A2_C);
    }

    @Override
    Optional<Finding> evaluateChip(Subject chip, ChipFacts c) {
        if (c.tamperingSigns().isEmpty()) {
            return Optional.empty();
        }
        boolean cloned = c.tamperingSigns().stream().anyMatch(s -> s.kind() == TamperingSign.Kind.CLONED_IDENTITY);
        List<Object> signs = c.tamperingSigns().stream()
                .map(s -> (Object) java.util.Map.of(
                        "kind", s.kind().name(),
                        "alert", s.alertId(),
                        "summary", s.summary(),
                        "opened_at", s.openedAt().toString()))
                .toList();
        return Optional.of(finding(
                chip,
                chip.id(),
                cloned ? Severity.CRITICAL : Severity.WARNING,
                "Chip " + c.serial() + " shows "
                        + c.tamperingSigns().size() + " sign(s) of tampering: "
                        + c.tamperingSigns().stream()
                                .map(s -> s.kind().name())
                                .distinct()
                                .toList(),
                Evidence.of("chip", c.serial()).and("signs", signs)));
    }
}
