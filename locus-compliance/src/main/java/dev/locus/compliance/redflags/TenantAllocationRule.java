package dev.locus.compliance.redflags;

import dev.locus.compliance.record.Allocation;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule about an IaaS tenant's allocations of chips, judged one allocation at a time knowing where
 * the tenant is headquartered (empty when the register does not say).
 */
abstract class TenantAllocationRule extends BaseRule {
    final CountryGroups groups;

    TenantAllocationRule(String id, Source source, CountryGroups groups) {
        super(id, source, Subject.Type.PARTY);
        this.groups = groups;
    }

    @Override
    public final List<Finding> evaluate(Subject tenant, RecordView record, RedFlagPolicy policy) {
        String headquarters = record.party(tenant.id())
                .flatMap(PartyFacts::headquartersCountry)
                .orElse("");
        List<Finding> out = new ArrayList<>();
        for (Allocation a : record.find(Lookup.ALLOCATIONS_OF_TENANT, tenant.id())) {
            out.addAll(evaluateAllocation(tenant, headquarters, a, record));
        }
        return out;
    }

    /** The findings about one allocation of the tenant's. */
    abstract List<Finding> evaluateAllocation(
            Subject tenant, String headquarters, Allocation allocation, RecordView record);

    /** Whether a (possibly empty) headquarters country is in D:5 or Macau. */
    final boolean inD5OrMacau(String headquarters) {
        return !headquarters.isEmpty() && groups.isD5OrMacau(headquarters);
    }
}
