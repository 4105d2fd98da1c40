package dev.locus.compliance.record;

import dev.locus.server.common.FieldReader;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Allocations of chips to IaaS tenants: validation and storage. */
public final class Allocations extends RecordTable<Allocation> {
    public Allocations() {
        super("INSERT INTO allocations", Allocation.class, List.of("tenant_id", "site_id"));
    }

    @Override
    public Allocation parse(FieldReader r) {
        String id = r.id("id");
        String tenant = r.id("tenant_id");
        String site = r.id("site_id");
        int count = r.integer("chip_count", 1, Orders.MAX_QUANTITY);
        List<String> serials = Columns.serials(r, count);
        java.time.LocalDate from = r.date("valid_from");
        java.time.LocalDate until = r.date("valid_until");
        if (until.isBefore(from)) {
            r.problem("valid_until", "must not be before valid_from (" + from + ")");
        }
        Purpose purpose = r.enumValue("purpose", Purpose.class, Purpose.OTHER);
        Set<String> users = Columns.countries(r, "user_countries", r.optionalText("user_countries", 290));
        return new Allocation(id, tenant, site, count, serials, from, until, purpose, users);
    }

    @Override
    public Map<String, String> partyFields(Allocation a) {
        return Map.of("tenant_id", a.tenantId());
    }

    @Override
    public Map<String, Object> auditDetails(Allocation a) {
        return details(a, "id", "tenant_id", "site_id", "chip_count", "purpose");
    }
}
