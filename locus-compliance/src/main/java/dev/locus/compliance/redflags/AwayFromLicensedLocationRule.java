package dev.locus.compliance.redflags;

import java.util.List;

/** A verdict proves the chip away from the location its licence names (CSA §4(a)(2)(A)). */
public final class AwayFromLicensedLocationRule extends BaseRule {
    public static final String ID = "AWAY_FROM_LICENSED_LOCATION";

    public AwayFromLicensedLocationRule() {
        super(ID, Source.CSA_4A2_A, Subject.Type.CHIP);
    }

    @Override
    public List<Finding> evaluate(Subject chip, RecordView record, RedFlagPolicy policy) {
        return record
                .chip(chip.id())
                .filter(c -> c.location() instanceof ProvenLocation.Away)
                .map(c -> {
                    ProvenLocation.Away away = (ProvenLocation.Away) c.location();
                    return finding(
                            chip,
                            chip.id(),
                            Severity.CRITICAL,
                            "Chip " + c.serial() + " is proven " + away.verdicts() + " (licence "
                                    + c.licence().map(LicenceFacts::id).orElse("none") + ", site "
                                    + c.declaredSiteId() + ")",
                            Evidence.of("chip", c.serial())
                                    .and(
                                            "licence",
                                            c.licence().map(LicenceFacts::id).orElse(""))
                                    .and("licensed_site", c.declaredSiteId())
                                    .and("verdicts", List.copyOf(new java.util.TreeSet<>(away.verdicts())))
                                    .and("verdict_id", away.verdictId())
                                    .and("window_end", away.windowEnd().toString()));
                })
                .stream()
                .toList();
    }
}
