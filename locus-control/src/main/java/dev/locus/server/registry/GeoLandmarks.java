package dev.locus.server.registry;

import dev.locus.geo.position.Distance;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.verdict.Landmark;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Registered landmarks as the geo core takes them (position, operator, position uncertainty). */
public final class GeoLandmarks {
    private GeoLandmarks() {}

    /**
     * The landmarks whose row meets {@code where} (an SQL condition on {@code landmarks}), by id in
     * id order. A landmark with no operator is its own operator; {@code named} false gives each
     * landmark its id as name, for readers that never show names.
     *
     * @throws SQLException as the query throws it
     */
    public static Map<String, Landmark> read(Connection c, String where, boolean named) throws SQLException {
        Map<String, Landmark> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, " + (named ? "name" : "id")
                        + ", latitude_deg, longitude_deg, operator, position_uncertainty_km FROM landmarks WHERE "
                        + where + " ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                String operator = rs.getString(5);
                out.put(
                        id,
                        new Landmark(
                                id,
                                rs.getString(2),
                                GeoPosition.ofDegrees(rs.getDouble(3), rs.getDouble(4)),
                                operator == null || operator.isBlank() ? id : operator,
                                Distance.ofKm(rs.getDouble(6))));
            }
        }
        return out;
    }
}
