package dev.locus.compliance.redflags;

import java.util.List;

/** A chip in service whose location no verdict proves: its own finding, never a country. */
public final class UnprovenLocationRule extends BaseRule {
    public static final String ID = "UNPROVEN_LOCATION";

    public UnprovenLocationRule() {
        super(ID, Source.CSA_LOCATION_VERIFICATION, Subject.Type.CHIP);
    }

    @Override
    public List<Finding> evaluate(Subject chip, RecordView record, RedFlagPolicy policy) {
        return record
                .chip(chip.id())
                .filter(ChipFacts::inService)
                .filter(c -> c.location() instanceof ProvenLocation.Unproven)
                .map(c -> finding(
                        chip,
                        chip.id(),
                        Severity.WARNING,
                        "Chip " + c.serial() + " is in service but its location is not proven: "
                                + ((ProvenLocation.Unproven) c.location()).reason(),
                        Evidence.of("chip", c.serial())
                                .and("declared_site", c.declaredSiteId())
                                .and("reason", ((ProvenLocation.Unproven) c.location()).reason())))
                .stream()
                .toList();
    }
}
