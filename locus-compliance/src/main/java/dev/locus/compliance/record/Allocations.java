package dev.locus.compliance.record;

import dev.locus.server.common.FieldReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Allocations of chips to IaaS tenants: validation and storage. */
public final class Allocations extends RecordTable<Allocation> {
    public Allocations() {
        super(
                "INSERT INTO allocations",
                Allocation.class,
                List.of("tenant_id", "site_id"),
                "allocation_chips",
                "allocation_id");
    }

    @Override
    public Allocation parse(FieldReader r) {
        String id = r.id("id");
        String tenant = r.id("tenant_id");
        String site = r.id("site_id");
        int count = r.integer("chip_count", 1, Orders.MAX_QUANTITY);
        List<String> serials = Columns.serials(r, "serials", r.optionalText("serials", 1_000_000));
        if (serials.size() > count) {
            r.problem("serials", "must list at most chip_count (" + count + ") serials, got " + serials.size());
        }
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
    public Allocation read(Connection c, ResultSet rs) throws SQLException {
        return read(rs, Columns.childSerials(c, "allocation_chips", "allocation_id", rs.getString("id")));
    }

    /** An allocation row whose chip serials were read already (a bulk reader reads them all at once). */
    public static Allocation read(ResultSet rs, List<String> serials) throws SQLException {
        String id = rs.getString("id");
        String users = rs.getString("user_countries").strip();
        return new Allocation(
                id,
                rs.getString("tenant_id"),
                rs.getString("site_id"),
                rs.getInt("chip_count"),
                serials,
                rs.getDate("valid_from").toLocalDate(),
                rs.getDate("valid_until").toLocalDate(),
                Purpose.valueOf(rs.getString("purpose")),
                users.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(users.split(" "))));
    }

    @Override
    public Map<String, Object> auditDetails(Allocation a) {
        return Map.of(
                "id", a.id(),
                "tenant_id", a.tenantId(),
                "site_id", a.siteId(),
                "chip_count", a.chipCount(),
                "purpose", a.purpose().name());
    }
}
