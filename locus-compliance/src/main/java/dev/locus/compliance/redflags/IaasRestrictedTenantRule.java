package dev.locus.compliance.redflags;

import dev.locus.compliance.record.Allocation;
import dev.locus.compliance.record.Purpose;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A tenant headquartered in D:5 or Macau, or whose users connect from there, training models on
 * rented controlled chips (BIS May 2025 IaaS policy statement).
 */
public final class IaasRestrictedTenantRule extends BaseRule {
    public static final String ID = "IAAS_D5_TENANT_TRAINING";

    private final CountryGroups groups;

    public IaasRestrictedTenantRule(CountryGroups groups) {
        super(ID, Source.BIS_2025_05_IAAS, Subject.Type.PARTY);
        this.groups = groups;
    }

    @Override
    public List<Finding> evaluate(Subject tenant, RecordView record, RedFlagPolicy policy) {
        String hq = record.party(tenant.id())
                .flatMap(PartyFacts::headquartersCountry)
                .orElse("");
        List<Finding> out = new ArrayList<>();
        for (Allocation a : record.find(Lookup.ALLOCATIONS_OF_TENANT, tenant.id())) {
            if (a.purpose() != Purpose.TRAINING) {
                continue;
            }
            TreeSet<String> restrictedUsers = new TreeSet<>();
            a.userCountries().stream().filter(groups::isD5OrMacau).forEach(restrictedUsers::add);
            boolean restrictedHq = !hq.isEmpty() && groups.isD5OrMacau(hq);
            if (!restrictedHq && restrictedUsers.isEmpty()) {
                continue;
            }
            String where = restrictedHq
                    ? "headquartered in " + hq + " (" + groups.groupOf(hq).orElseThrow() + ")"
                    : "with users connecting from " + restrictedUsers;
            out.add(finding(
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
        return out;
    }
}
