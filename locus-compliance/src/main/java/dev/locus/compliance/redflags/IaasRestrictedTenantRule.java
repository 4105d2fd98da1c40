package dev.locus.compliance.redflags;

import dev.locus.compliance.record.Allocation;
import dev.locus.compliance.record.Purpose;
import java.util.List;
import java.util.TreeSet;

/**
 * A tenant headquartered in D:5 or Macau, or whose users connect from there, training models on
 * rented controlled chips (BIS May 2025 IaaS policy statement).
 */
public final class IaasRestrictedTenantRule extends TenantAllocationRule {
    public IaasRestrictedTenantRule(CountryGroups groups) {
        super("IAAS_D5_TENANT_TRAINING", Source.BIS_2025_05_IAAS, groups);
    }

    @Override
    List<Finding> evaluateAllocation(Subject tenant, String hq, Allocation a, RecordView record) {
        if (a.purpose() != Purpose.TRAINING) {
            return List.of();
        }
        TreeSet<String> restrictedUsers = new TreeSet<>();
        a.userCountries().stream().filter(groups::isD5OrMacau).forEach(restrictedUsers::add);
        boolean restrictedHq = inD5OrMacau(hq);
        if (!restrictedHq && restrictedUsers.isEmpty()) {
            return List.of();
        }
        String where = restrictedHq
                ? "headquartered in " + hq + " (" + groups.groupOf(hq).orElseThrow() + ")"
                : "with users connecting from " + restrictedUsers;
        return List.of(finding(
                tenant,
                a.id(),
                Severity.CRITICAL,
                "Tenant " + tenant.id() + ", " + where + ", trains models on " + a.chipCount() + " chips at "
                        + a.siteId(),
                Evidence.of("allocation", a.id())
                        .and("site", a.siteId())
                        .and("chips", a.chipCount())
                        .and("purpose", a.purpose().name())
                        .and("tenant_headquarters", hq)
                        .and("restricted_user_countries", List.copyOf(restrictedUsers))
                        .and("period", a.validFrom() + "/" + a.validUntil())));
    }
}
