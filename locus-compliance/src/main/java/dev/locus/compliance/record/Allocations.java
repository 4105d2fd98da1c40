package dev.locus.compliance.record;

import dev.locus.server.common.FieldReader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Allocations of chips to IaaS tenants: validation and storage. */
public final class Allocations implements RecordKind<Allocation> {
    @Override
    public String table() {
        return "allocations";
    }

    @Override
    public List<String> filters() {
        return List.of("tenant_id", "site_id");
    }

    @Override
    public List<String> fields() {
        return List.of(
                "id",
                "tenant_id",
                "site_id",
                "chip_count",
                "serials",
                "valid_from",
                "valid_until",
                "purpose",
                "user_countries");
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
    public String idOf(Allocation a) {
        return a.id();
    }

    @Override
    public Map<String, String> partyFields(Allocation a) {
        return Map.of("tenant_id", a.tenantId());
    }

    @Override
    public void checkReferences(Connection c, List<Parsed<Allocation>> rows) {}

    @Override
    public void insert(Connection c, List<Allocation> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO allocations (id, tenant_id, site_id, chip_count,"
                + " valid_from, valid_until, purpose, user_countries, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            for (Allocation a : rows) {
                ps.setString(1, a.id());
                ps.setString(2, a.tenantId());
                ps.setString(3, a.siteId());
                ps.setInt(4, a.chipCount());
                ps.setDate(5, Date.valueOf(a.validFrom()));
                ps.setDate(6, Date.valueOf(a.validUntil()));
                ps.setString(7, a.purpose().name());
                ps.setString(8, String.join(" ", new java.util.TreeSet<>(a.userCountries())));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        for (Allocation a : rows) {
            Columns.insertSerials(c, "allocation_chips", "allocation_id", a.id(), a.serials());
        }
    }

    @Override
    public Allocation read(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        String users = rs.getString("user_countries").strip();
        return new Allocation(
                id,
                rs.getString("tenant_id"),
                rs.getString("site_id"),
                rs.getInt("chip_count"),
                Columns.childSerials(c, "allocation_chips", "allocation_id", id),
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
