package dev.locus.compliance.redflags;

import java.util.ArrayList;
import java.util.List;

/**
 * Every red-flag rule, and the evaluation of one subject under a policy. Immutable, thread-safe.
 */
public final class RedFlagRules {
    private final List<RedFlagRule> rules;

    private RedFlagRules(List<RedFlagRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** All rules, with the bundled country groups and chip power. */
    public static RedFlagRules all() {
        return all(CountryGroups.bundled(), ChipPower.bundled());
    }

    public static RedFlagRules all(CountryGroups groups, ChipPower power) {
        return new RedFlagRules(List.of(
                new CountryMismatchRule(),
                new UnprovenLocationRule(),
                new AwayFromLicensedLocationRule(),
                new UnlicensedTenantRule(groups),
                new TamperingSignsRule(),
                new ShipToForwarderRule(),
                new FirstTimeBuyerLargeVolumeRule(),
                new FormedAfterControlsRule(),
                new SiteCapacityRule(power),
                new ResellerOutsideChipTradeRule(),
                new OwnershipUnknownRule(),
                new IaasRestrictedTenantRule(groups),
                VolumeAnomalyRule.forCountries(),
                VolumeAnomalyRule.forBuyers()));
    }

    public List<RedFlagRule> rules() {
        return rules;
    }

    /** Every finding the enabled rules for the subject's type raise about it now. */
    public List<Finding> evaluate(Subject subject, RecordView record, RedFlagPolicy policy) {
        List<Finding> out = new ArrayList<>();
        for (RedFlagRule r : rules) {
            if (r.subjectType() == subject.type() && policy.enabled(r.id())) {
                out.addAll(r.evaluate(subject, record, policy));
            }
        }
        return out;
    }
}
