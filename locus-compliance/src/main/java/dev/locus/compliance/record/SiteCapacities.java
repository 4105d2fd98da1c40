package dev.locus.compliance.record;

import dev.locus.server.common.FieldReader;
import java.util.List;
import java.util.Map;

/** Declared site capacity (power, racks): validation and storage. One declaration per site. */
public final class SiteCapacities extends RecordTable<SiteCapacity> {
    /** Larger than any data centre built (the largest campuses plan a few GW). */
    public static final double MAX_POWER_MW = 100_000;

    public SiteCapacities() {
        super("INSERT INTO site_capacity", SiteCapacity.class, List.of("operator_id", "country"));
    }

    @Override
    public SiteCapacity parse(FieldReader r) {
        return new SiteCapacity(
                r.id("site_id"),
                r.id("operator_id"),
                r.country("country"),
                r.number("power_mw", 0, false, MAX_POWER_MW),
                r.integer("racks", 0, 10_000_000),
                r.date("declared_on"));
    }

    @Override
    public Map<String, String> partyFields(SiteCapacity s) {
        return Map.of("operator_id", s.operatorId());
    }

    @Override
    public Map<String, Object> auditDetails(SiteCapacity s) {
        return details(s, "site_id", "operator_id", "country", "power_mw");
    }
}
