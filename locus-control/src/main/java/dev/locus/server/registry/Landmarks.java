package dev.locus.server.registry;

import static dev.locus.server.registry.Column.bytes;
import static dev.locus.server.registry.Column.enumName;
import static dev.locus.server.registry.Column.instant;
import static dev.locus.server.registry.Column.real;
import static dev.locus.server.registry.Column.text;

import dev.locus.geo.position.GeoPosition;
import dev.locus.server.Bytes;
import dev.locus.server.common.FieldReader;
import dev.locus.server.persistence.Sql;
import dev.locus.wire.RegistryValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry's landmarks: their table and validation (a landmark is not edited, only its status set). */
final class Landmarks {
    private static final List<Column<Landmark>> COLUMNS = List.of(
            text("name", Landmark::name),
            text("operator", Landmark::operator),
            enumName("status", Landmark::status),
            instant("created_at", Landmark::createdAt),
            bytes("public_key", l -> Optional.of(l.publicKey())),
            real("latitude_deg", l -> l.position().latitudeDegrees()),
            real("longitude_deg", l -> l.position().longitudeDegrees()),
            real("position_uncertainty_km", Landmark::positionUncertaintyKm));

    static final RecordTable<Landmark> TABLE =
            new RecordTable<>("landmarks", "id", Landmark::id, Landmarks::read, COLUMNS);

    static final RecordType<Landmark> TYPE = new RecordType<>(
            TABLE,
            List.of(
                    "id",
                    "name",
                    "latitude_deg",
                    "longitude_deg",
                    "public_key",
                    "status",
                    "operator",
                    "position_uncertainty_km"),
            Landmarks::parse,
            (c, rows) -> Lookups.checkNewIds(c, "landmarks", "id", "id", rows, Landmark::id),
            Landmarks::auditDetails);

    private Landmarks() {}

    private static Landmark parse(FieldReader r, InstantSource clock) {
        String id = r.id("id");
        String name = r.text("name", 200);
        GeoPosition position = Sites.position(r);
        Bytes key = r.base64("public_key", Chips.ED25519_PUBLIC_KEY_BYTES);
        RegistryValues.LandmarkStatus status = r.optionalEnum("status", RegistryValues.LandmarkStatus.class)
                .orElse(RegistryValues.LandmarkStatus.ACTIVE);
        String operator = r.optionalId("operator").orElse(id);
        double uncertainty =
                r.optionalNumber("position_uncertainty_km", 0, 1000).orElse(0.0);
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

    private static Map<String, Object> auditDetails(Landmark l) {
        return Map.of(
                "id", l.id(),
                "position", l.position().toString(),
                "public_key", l.publicKey().toBase64(),
                "status", l.status().name(),
                "operator", l.operator(),
                "position_uncertainty_km", l.positionUncertaintyKm());
    }

    private static Landmark read(ResultSet rs) throws SQLException {
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
}
