package dev.locus.compliance.redflags;

import java.util.List;
import java.util.Optional;

/** A verdict proves the chip away from the location its licence names (CSA §4(a)(2)(A)). */
public final class AwayFromLicensedLocationRule extends ChipRule {
    public AwayFromLicensedLocationRule() {
        super("AWAY_FROM_LICENSED_LOCATION", Source.CSA_4A2_A);
    }

    @Override
    Optional<Finding> evaluateChip(Subject chip, ChipFacts c) {
        if (!(c.location() instanceof ProvenLocation.Away away)) {
            return Optional.empty();
        }
        return Optional.of(finding(
                chip,
                chip.id(),
                Severity.CRITICAL,
                "Chip " + c.serial() + " is proven " + away.verdicts() + " (licence "
                        + c.licence().map(LicenceFacts::id).orElse("none") + ", site "
                        + c.declaredSiteId() + ")",
                Evidence.of("chip", c.serial())
                        .and("licence", c.licence().map(LicenceFacts::id).orElse(""))
                        .and("licensed_site", c.declaredSiteId())
                        .and("verdicts", List.copyOf(new java.util.TreeSet<>(away.verdicts())))
                        .and("verdict_id", away.verdictId())
                        .and("window_end", away.windowEnd().toString())));
    }
}
