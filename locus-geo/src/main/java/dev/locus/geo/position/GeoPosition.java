package dev.locus.geo.position;

import com.google.common.geometry.S2LatLng;
import com.google.common.geometry.S2Point;
import dev.locus.geo.GeoException;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;

/**
 * A position on the Earth as WGS84 geodetic latitude and longitude in degrees. Immutable and
 * thread-safe.
 *
 * @param latitudeDegrees in [-90, 90]
 * @param longitudeDegrees in [-180, 180]
 */
public record GeoPosition(double latitudeDegrees, double longitudeDegrees) {

    public GeoPosition {
        if (!Double.isFinite(latitudeDegrees) || latitudeDegrees < -90 || latitudeDegrees > 90) {
            throw new GeoException("latitude must be a number in [-90, 90] degrees, got " + latitudeDegrees);
        }
        if (!Double.isFinite(longitudeDegrees) || longitudeDegrees < -180 || longitudeDegrees > 180) {
            throw new GeoException("longitude must be a number in [-180, 180] degrees, got " + longitudeDegrees);
        }
    }

    /** Creates a position from latitude and longitude in degrees; throws {@link GeoException} when out of range. */
    public static GeoPosition ofDegrees(double latitudeDegrees, double longitudeDegrees) {
        return new GeoPosition(latitudeDegrees, longitudeDegrees);
    }

    /** Creates a position from an S2 point (any non-zero vector; normalised). */
    public static GeoPosition of(S2Point point) {
        S2LatLng ll = new S2LatLng(point);
        return new GeoPosition(ll.latDegrees(), ll.lngDegrees());
    }

    /**
     * Parses {@code "LAT,LON"} in decimal degrees, e.g. {@code "1.29,103.85"}.
     *
     * @throws GeoException naming the text when it is not two numbers in range
     */
    public static GeoPosition parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw new GeoException("position must be LAT,LON in decimal degrees, got '" + text + "'");
        }
        try {
            return ofDegrees(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new GeoException("position must be LAT,LON in decimal degrees, got '" + text + "'", e);
        }
    }

    /** The unit-sphere point with the same latitude and longitude (the mapping all region math uses). */
    public S2Point toS2Point() {
        return S2LatLng.fromDegrees(latitudeDegrees, longitudeDegrees).toPoint();
    }

    /**
     * Shortest distance on the WGS84 ellipsoid (GeographicLib, accurate to nanometres). Use this
     * for anything reported as a distance between two positions.
     */
    public Distance geodesicDistanceTo(GeoPosition other) {
        double meters = Geodesic.WGS84.Inverse(
                        latitudeDegrees,
                        longitudeDegrees,
                        other.latitudeDegrees,
                        other.longitudeDegrees,
                        GeodesicMask.DISTANCE)
                .s12;
        return Distance.ofKm(meters / 1000.0);
    }

    /**
     * Great-circle distance on the sphere of the Earth's mean radius; within 0.6 % of {@link
     * #geodesicDistanceTo} (see EarthModel) and about 20 times faster.
     */
    public Distance greatCircleDistanceTo(GeoPosition other) {
        return Distance.ofKm(toS2Point().angle(other.toS2Point()) * EarthModel.MEAN_RADIUS_KM);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.4f,%.4f", latitudeDegrees, longitudeDegrees);
    }
}
