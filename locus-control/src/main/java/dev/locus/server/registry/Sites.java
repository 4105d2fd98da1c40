package dev.locus.server.registry;

import static dev.locus.server.registry.Column.instant;
import static dev.locus.server.registry.Column.real;
import static dev.locus.server.registry.Column.text;

import dev.locus.geo.position.GeoPosition;
import dev.locus.server.common.FieldReader;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The registry's sites: their table, validation and edits. */
final class Sites {
    /** Half the Earth's circumference: a larger zone would not constrain anything. */
    static final double MAX_ZONE_RADIUS_KM = 20_000;

    private static final List<Column<Site>> COLUMNS = List.of(
            text("name", Site::name),
            text("operator_id", Site::operatorId),
            text("country", Site::country),
            real("latitude_deg", s -> s.position().latitudeDegrees()),
            real("longitude_deg", s -> s.position().longitudeDegrees()),
            real("zone_radius_km", Site::zoneRadiusKm),
            instant("created_at", Site::createdAt));

    static final RecordTable<Site> TABLE = new RecordTable<>("sites", "id", Site::id, Sites::read, COLUMNS);

    private static final List<String> EDITABLE =
            List.of("name", "operator_id", "country", "latitude_deg", "longitude_deg", "zone_radius_km");

    static final RecordType<Site> TYPE = new RecordType<>(
                    TABLE,
                    List.of("id", "name", "operator_id", "country", "latitude_deg", "longitude_deg", "zone_radius_km"),
                    Sites::parse,
                    Sites::checkReferences,
                    Sites::auditDetails)
            .editedAs(new Editing<>(EDITABLE, Sites::fields, (c, row) -> checkOperators(c, List.of(row))));

    private Sites() {}

    /**
     * Reads {@code latitude_deg} and {@code longitude_deg}; problems go to the reader, and the
     * position is then (0, 0).
     */
    static GeoPosition position(FieldReader r) {
        double lat = r.number("latitude_deg", -90, false, 90);
        double lon = r.number("longitude_deg", -180, false, 180);
        return Double.isFinite(lat) && Math.abs(lat) <= 90 && Double.isFinite(lon) && Math.abs(lon) <= 180
                ? GeoPosition.ofDegrees(lat, lon)
                : GeoPosition.ofDegrees(0, 0);
    }

    private static Site parse(FieldReader r, InstantSource clock) {
        String id = r.id("id");
        String name = r.text("name", 200);
        String operator = r.id("operator_id");
        String country = r.country("country");
        GeoPosition position = position(r);
        double zone = r.number("zone_radius_km", 0, true, MAX_ZONE_RADIUS_KM);
        return new Site(id, name, operator, country, position, zone, Sql.micros(clock.instant()));
    }

    private static void checkReferences(Connection c, List<RecordType.Parsed<Site>> rows) throws SQLException {
        Lookups.checkNewIds(c, "sites", "id", "id", rows, Site::id);
        checkOperators(c, rows);
    }

    private static void checkOperators(Connection c, List<RecordType.Parsed<Site>> rows) throws SQLException {
        Set<String> operators = Lookups.existing(
                c,
                "organisations",
                "id",
                rows.stream().map(p -> p.value().operatorId()).toList());
        for (RecordType.Parsed<Site> p : rows) {
            if (!operators.contains(p.value().operatorId())) {
                p.reader().problem("operator_id", "must name a registered organisation");
            }
        }
    }

    private static Map<String, Object> auditDetails(Site s) {
        return Map.of(
                "id", s.id(),
                "operator_id", s.operatorId(),
                "country", s.country(),
                "position", s.position().toString(),
                "zone_radius_km", s.zoneRadiusKm());
    }

    private static Map<String, String> fields(Site s) {
        return Map.of(
                "id", s.id(),
                "name", s.name(),
                "operator_id", s.operatorId(),
                "country", s.country(),
                "latitude_deg", Double.toString(s.position().latitudeDegrees()),
                "longitude_deg", Double.toString(s.position().longitudeDegrees()),
                "zone_radius_km", Double.toString(s.zoneRadiusKm()));
    }

    private static Site read(ResultSet rs) throws SQLException {
        return new Site(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("operator_id"),
                rs.getString("country"),
                GeoPosition.ofDegrees(rs.getDouble("latitude_deg"), rs.getDouble("longitude_deg")),
                rs.getDouble("zone_radius_km"),
                Sql.getInstant(rs, "created_at"));
    }
}
