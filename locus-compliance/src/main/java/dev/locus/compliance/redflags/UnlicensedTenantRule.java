package dev.locus.compliance.redflags;

import dev.locus.compliance.record.Allocation;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant given chips the licence does not let it use (CSA §4(a)(2)(B)): the licence names one
 * end user and the tenant is another party, or the licence excludes tenants headquartered in D:5
 * or Macau and the tenant is one. A cloud operator's ordinary tenants are not findings.
 */
public final class UnlicensedTenantRule extends TenantAllocationRule {
    public UnlicensedTenantRule(CountryGroups groups) {
        super("TENANT_NOT_LICENSED", Source.CSA_4A2_B, groups);
    }

    @Override
    List<Finding> evaluateAllocation(Subject tenant, String hq, Allocation a, RecordView record) {
        List<Finding> out = new ArrayList<>();
        for (LicenceFacts l : record.licencesAtSite(a.siteId())) {
            String why;
            if (l.exclusiveToEndUser() && !l.endUserId().equals(tenant.id())) {
                why = "the licence names end user " + l.endUserId() + " only";
            } else if (l.excludesD5Tenants() && inD5OrMacau(hq)) {
                why = "the licence excludes tenants headquartered in D:5 or Macau; the tenant's is " + hq;
            } else {
                continue;
            }
            out.add(finding(
                    tenant,
                    a.id() + "/" + l.id(),
                    Severity.CRITICAL,
                    "Tenant " + tenant.id() + " uses " + a.chipCount() + " chips at " + a.siteId() + " under licence "
                            + l.id() + ": " + why,
                    Evidence.of("allocation", a.id())
                            .and("site", a.siteId())
                            .and("chips", a.chipCount())
                            .and("licence", l.id())
                            .and("licensed_end_user", l.endUserId())
                            .and("licence_conditions", l.conditions())
                            .and("tenant_headquarters", hq)
                            .and("why", why)));
        }
        return out;
    }
}
