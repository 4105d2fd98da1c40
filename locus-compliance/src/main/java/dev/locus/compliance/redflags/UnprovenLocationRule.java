package dev.locus.compliance.redflags;

import java.util.Optional;

/** A chip in service whose location no verdict proves: its own finding, never a country. */
public final class UnprovenLocationRule extends ChipRule {
    public UnprovenLocationRule() {
        super("UNPROVEN_LOCATION", Source.CSA_LOCATION_VERIFICATION);
    }

    @Override
    Optional<Finding> evaluateChip(Subject chip, ChipFacts c) {
        if (!c.inService() || !(c.location() instanceof ProvenLocation.Unproven unproven)) {
            return Optional.empty();
        }
        return Optional.of(finding(
                chip,
                chip.id(),
                Severity.WARNING,
                "Chip " + c.serial() + " is in service but its location is not proven: " + unproven.reason(),
                Evidence.of("chip", c.serial())
                        .and("declared_site", c.declaredSiteId())
                        .and("reason", unproven.reason())));
    }
}
