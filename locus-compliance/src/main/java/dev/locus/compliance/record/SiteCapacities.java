package dev.locus.compliance.record;

import dev.locus.server.common.FieldReader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Declared site capacity (power, racks): validation and storage. One declaration per site. */
public final class SiteCapacities implements RecordKind<SiteCapacity> {
    /** Larger than any data centre built (the largest campuses plan a few GW). */
    public static final double MAX_POWER_MW = 100_000;

    @Override
    public String table() {
        return "site_capacity";
    }

    @Override
    public String idColumn() {
        return "site_id";
    }

    @Override
    public List<String> filters() {
        return List.of("operator_id", "country");
    }

    @Override
    public List<String> fields() {
        return List.of("site_id", "operator_id", "country", "power_mw", "racks", "declared_on");
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
    public String idOf(SiteCapacity s) {
        return s.siteId();
    }

    @Override
    public Map<String, String> partyFields(SiteCapacity s) {
        return Map.of("operator_id", s.operatorId());
    }

    @Override
    public void checkReferences(Connection c, List<Parsed<SiteCapacity>> rows) {}

    @Override
    public void insert(Connection c, List<SiteCapacity> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO site_capacity (site_id, operator_id, country,"
                + " power_mw, racks, declared_on, created_at) VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            for (SiteCapacity s : rows) {
                ps.setString(1, s.siteId());
                ps.setString(2, s.operatorId());
                ps.setString(3, s.country());
                ps.setDouble(4, s.powerMw());
                ps.setInt(5, s.racks());
                ps.setDate(6, Date.valueOf(s.declaredOn()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public SiteCapacity read(Connection c, ResultSet rs) throws SQLException {
        return read(rs);
    }

    static SiteCapacity read(ResultSet rs) throws SQLException {
        return new SiteCapacity(
                rs.getString("site_id"),
                rs.getString("operator_id"),
                rs.getString("country").strip(),
                rs.getDouble("power_mw"),
                rs.getInt("racks"),
                rs.getDate("declared_on").toLocalDate());
    }

    @Override
    public Map<String, Object> auditDetails(SiteCapacity s) {
        return Map.of(
                "site_id", s.siteId(), "operator_id", s.operatorId(), "country", s.country(), "power_mw", s.powerMw());
    }
}
