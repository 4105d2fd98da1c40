package dev.locus.compliance.redflags;

import java.util.List;

/** A buyer of controlled chips incorporated after the October 2022 advanced computing controls. */
public final class FormedAfterControlsRule extends BaseRule {
    public FormedAfterControlsRule() {
        super("BUYER_FORMED_AFTER_CONTROLS", Source.BIS_2025_05_ADVANCED_IC, Subject.Type.PARTY);
    }

    @Override
    public List<Finding> evaluate(Subject buyer, RecordView record, RedFlagPolicy policy) {
        if (record.find(Lookup.ORDERS_BY_BUYER, buyer.id()).isEmpty()) {
            return List.of();
        }
        return record
                .party(buyer.id())
                .filter(p -> p.incorporatedOn()
                        .map(d -> d.isAfter(policy.controlsEffective()))
                        .orElse(false))
                .map(p -> finding(
                        buyer,
                        buyer.id(),
                        Severity.WARNING,
                        p.name() + " was incorporated on " + p.incorporatedOn().orElseThrow()
                                + ", after the controls of " + policy.controlsEffective(),
                        Evidence.of("party", p.id())
                                .and(
                                        "incorporated_on",
                                        p.incorporatedOn().orElseThrow().toString())
                                .and(
                                        "incorporation_country",
                                        p.incorporationCountry().orElse(""))
                                .and(
                                        "controls_effective",
                                        policy.controlsEffective().toString())))
                .stream()
                .toList();
    }
}
