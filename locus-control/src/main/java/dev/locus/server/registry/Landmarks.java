package dev.locus.server.registry;

import dev.locus.geo.position.GeoPosition;
import dev.locus.server.Bytes;
import dev.locus.server.common.FieldReader;
import dev.locus.server.common.Page;
import dev.locus.server.persistence.Sql;
import dev.locus.wire.RegistryValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage and validation of landmarks. */
final class Landmarks implements RecordType<Landmark> {
    private final InstantSource clock;

    Landmarks(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public String plural() {
        return "landmarks";
    }

    @Override
    public List<String> fields() {
        return List.of(
                "id",
                "name",
                "latitude_deg",
                "longitude_deg",
                "public_key",
                "status",
                "operator",
                "position_uncertainty_km");
    }

    @Override
    public Landmark parse(FieldReader r) {
        String id = r.id("id");
        String name = r.text("name", 200);
        double lat = r.number("latitude_deg", -90, false, 90);
        double lon = r.number("longitude_deg", -180, false, 180);
        Bytes key = r.base64("public_key", Chips.ED25519_PUBLIC_KEY_BYTES);
        RegistryValues.LandmarkStatus status = r.optionalEnum("status", RegistryValues.LandmarkStatus.class)
                .orElse(RegistryValues.LandmarkStatus.ACTIVE);
        String operator = r.optionalId("operator").orElse(id);
        double uncertainty =
                r.optionalNumber("position_uncertainty_km", 0, 1000).orElse(0.0);
        GeoPosition position =
                Double.isFinite(lat) && Math.abs(lat) <= 90 && Double.isFinite(lon) && Math.abs(lon) <= 180
                        ? GeoPosition.ofDegrees(lat, lon)
                        : GeoPosition.ofDegrees(0, 0);
        return new Landmark(
                id,
                name,
                position,
                key,
                status,
                Sql.micros(clock.instant()),
                operator.isBlank() ? id : operator,
                Double.isFinite(uncertainty) ? uncertainty : 0);
    }

    @Override
    public void checkReferences(Connection c, List<Parsed<Landmark>> rows) throws SQLException {
        Lookups.checkNewIds(c, "landmarks", "id", "id", rows, Landmark::id);
    }

    @Override
    public void insert(Connection c, List<Landmark> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO landmarks (id, name, latitude_deg, longitude_deg,"
                + " public_key, status, created_at, operator, position_uncertainty_km)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Landmark l : rows) {
                ps.setString(1, l.id());
                ps.setString(2, l.name());
                ps.setDouble(3, l.position().latitudeDegrees());
                ps.setDouble(4, l.position().longitudeDegrees());
                ps.setBytes(5, l.publicKey().toArray());
                ps.setString(6, l.status().name());
                Sql.setInstant(ps, 7, l.createdAt());
                ps.setString(8, l.operator());
                ps.setDouble(9, l.positionUncertaintyKm());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Map<String, Object> auditDetails(Landmark l) {
        return Map.of(
                "id", l.id(),
                "position", l.position().toString(),
                "public_key", l.publicKey().toBase64(),
                "status", l.status().name(),
                "operator", l.operator(),
                "position_uncertainty_km", l.positionUncertaintyKm());
    }

    @Override
    public String idOf(Landmark row) {
        return row.id();
    }

    static Landmark read(ResultSet rs) throws SQLException {
        return new Landmark(
                rs.getString("id"),
                rs.getString("name"),
                GeoPosition.ofDegrees(rs.getDouble("latitude_deg"), rs.getDouble("longitude_deg")),
                Bytes.of(rs.getBytes("public_key")),
                RegistryValues.LandmarkStatus.valueOf(rs.getString("status")),
                Sql.getInstant(rs, "created_at"),
                operator(rs),
                rs.getDouble("position_uncertainty_km"));
    }

    /** NULL (rows from before V7) reads as the landmark's own id: independent. */
    private static String operator(ResultSet rs) throws SQLException {
        String op = rs.getString("operator");
        return op == null || op.isBlank() ? rs.getString("id") : op;
    }

    static Optional<Landmark> find(Connection c, String id) throws SQLException {
        return KeyedRows.find(c, "landmarks", "id", id, Landmarks::read);
    }

    static Page<Landmark> page(Connection c, String after, int limit) throws SQLException {
        return KeyedRows.page(c, "landmarks", "id", after, limit, Landmarks::read, Landmark::id);
    }
}
