package dev.locus.server.registry;

import dev.locus.geo.position.GeoPosition;
import dev.locus.server.common.FieldReader;
import dev.locus.server.common.Page;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Storage and validation of sites. */
final class Sites implements RecordType<Site> {
    /** Half the Earth's circumference: a larger zone would not constrain anything. */
    static final double MAX_ZONE_RADIUS_KM = 20_000;

    private final InstantSource clock;

    Sites(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public String plural() {
        return "sites";
    }

    @Override
    public List<String> fields() {
        return List.of("id", "name", "operator_id", "country", "latitude_deg", "longitude_deg", "zone_radius_km");
    }

    @Override
    public Site parse(FieldReader r) {
        String id = r.id("id");
        String name = r.text("name", 200);
        String operator = r.id("operator_id");
        String country = r.country("country");
        double lat = r.number("latitude_deg", -90, false, 90);
        double lon = r.number("longitude_deg", -180, false, 180);
        double zone = r.number("zone_radius_km", 0, true, MAX_ZONE_RADIUS_KM);
        GeoPosition position =
                Double.isFinite(lat) && Math.abs(lat) <= 90 && Double.isFinite(lon) && Math.abs(lon) <= 180
                        ? GeoPosition.ofDegrees(lat, lon)
                        : GeoPosition.ofDegrees(0, 0);
        return new Site(id, name, operator, country, position, zone, Sql.micros(clock.instant()));
    }

    @Override
    public void checkReferences(Connection c, List<Parsed<Site>> rows) throws SQLException {
        Lookups.checkNewIds(c, "sites", "id", "id", rows, Site::id);
        checkOperators(c, rows);
    }

    private static void checkOperators(Connection c, List<Parsed<Site>> rows) throws SQLException {
        Set<String> operators = Lookups.existing(
                c,
                "organisations",
                "id",
                rows.stream().map(p -> p.value().operatorId()).toList());
        for (Parsed<Site> p : rows) {
            if (!operators.contains(p.value().operatorId())) {
                p.reader().problem("operator_id", "must name a registered organisation");
            }
        }
    }

    @Override
    public void insert(Connection c, List<Site> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sites (id, name, operator_id, country,"
                + " latitude_deg, longitude_deg, zone_radius_km, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Site s : rows) {
                ps.setString(1, s.id());
                ps.setString(2, s.name());
                ps.setString(3, s.operatorId());
                ps.setString(4, s.country());
                ps.setDouble(5, s.position().latitudeDegrees());
                ps.setDouble(6, s.position().longitudeDegrees());
                ps.setDouble(7, s.zoneRadiusKm());
                Sql.setInstant(ps, 8, s.createdAt());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Map<String, Object> auditDetails(Site s) {
        return Map.of(
                "id", s.id(),
                "operator_id", s.operatorId(),
                "country", s.country(),
                "position", s.position().toString(),
                "zone_radius_km", s.zoneRadiusKm());
    }

    @Override
    public String idOf(Site row) {
        return row.id();
    }

    @Override
    public Optional<Editing<Site>> editing() {
        return Optional.of(new Editing<>(
                List.of("name", "operator_id", "country", "latitude_deg", "longitude_deg", "zone_radius_km"),
                Sites::find,
                Sites::storedFields,
                (c, row) -> checkOperators(c, List.of(row)),
                Sites::update));
    }

    private static Map<String, String> storedFields(Site s) {
        return Map.of(
                "id", s.id(),
                "name", s.name(),
                "operator_id", s.operatorId(),
                "country", s.country(),
                "latitude_deg", Double.toString(s.position().latitudeDegrees()),
                "longitude_deg", Double.toString(s.position().longitudeDegrees()),
                "zone_radius_km", Double.toString(s.zoneRadiusKm()));
    }

    private static void update(Connection c, Site s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sites SET name = ?, operator_id = ?, country = ?,"
                + " latitude_deg = ?, longitude_deg = ?, zone_radius_km = ? WHERE id = ?")) {
            ps.setString(1, s.name());
            ps.setString(2, s.operatorId());
            ps.setString(3, s.country());
            ps.setDouble(4, s.position().latitudeDegrees());
            ps.setDouble(5, s.position().longitudeDegrees());
            ps.setDouble(6, s.zoneRadiusKm());
            ps.setString(7, s.id());
            ps.executeUpdate();
        }
    }

    static Site read(ResultSet rs) throws SQLException {
        return new Site(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("operator_id"),
                rs.getString("country"),
                GeoPosition.ofDegrees(rs.getDouble("latitude_deg"), rs.getDouble("longitude_deg")),
                rs.getDouble("zone_radius_km"),
                Sql.getInstant(rs, "created_at"));
    }

    static Optional<Site> find(Connection c, String id) throws SQLException {
        return KeyedRows.find(c, "sites", "id", id, Sites::read);
    }

    static Page<Site> page(Connection c, String after, int limit) throws SQLException {
        return KeyedRows.page(c, "sites", "id", after, limit, Sites::read, Site::id);
    }
}
