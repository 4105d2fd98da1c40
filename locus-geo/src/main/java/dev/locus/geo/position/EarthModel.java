package dev.locus.geo.position;

import com.google.common.geometry.S1Angle;

/**
 * How distances on the WGS84 ellipsoid map to angles on the unit sphere that S2 works on.
 *
 * <p>Positions map to the sphere by keeping geodetic latitude and longitude. On the ellipsoid the
 * line element is {@code ds² = M(φ)² dφ² + N(φ)² cos²φ dλ²} with meridional radius of curvature
 * {@code M >= a(1-e²)} (its value at the equator) and prime-vertical radius {@code N >= a}. Hence
 * every curve of length {@code L} on the ellipsoid maps to a curve of angle at most {@code L /
 * a(1-e²)} on the unit sphere, and a disc of geodesic radius {@code d} around a point lies inside
 * the spherical cap of angle {@code d / }{@link #SOUND_RADIUS_KM}. Using that radius for caps keeps
 * every region a superset of the true one: sound. Conversely both radii are at most {@code a /
 * sqrt(1-e²)} (their value at the poles, {@link #INNER_RADIUS_KM}), so the cap of angle {@code d /
 * INNER_RADIUS_KM} lies inside the geodesic disc: use it where a region must be a subset (a
 * licensed zone that a region must lie within).
 */
public final class EarthModel {

    /** WGS84 semi-major axis in km. */
    public static final double WGS84_A_KM = 6378.137;

    /** WGS84 flattening. */
    public static final double WGS84_F = 1 / 298.257223563;

    /** Smallest radius of curvature of the WGS84 ellipsoid, a(1-e²), in km (≈ 6335.439). */
    public static final double SOUND_RADIUS_KM = WGS84_A_KM * (1 - WGS84_F * (2 - WGS84_F));

    /** Largest radius of curvature of the WGS84 ellipsoid, a/sqrt(1-e²), in km (≈ 6399.594). */
    public static final double INNER_RADIUS_KM = WGS84_A_KM / Math.sqrt(1 - WGS84_F * (2 - WGS84_F));

    /** Angular slack added to every outer cap so that floating-point rounding cannot shrink it (≈ 6 mm). */
    public static final double ROUNDING_SLACK_RADIANS = 1e-9;

    /** IUGG mean Earth radius R1 in km, for reported great-circle distances and extents. */
    public static final double MEAN_RADIUS_KM = 6371.0088;

    private EarthModel() {}

    /**
     * The spherical cap angle around a point that surely contains every point within {@code
     * distance} of it on the ellipsoid (an outer bound of the geodesic disc).
     */
    public static S1Angle outerAngle(Distance distance) {
        return S1Angle.radians(Math.min(Math.PI, distance.km() / SOUND_RADIUS_KM + ROUNDING_SLACK_RADIANS));
    }

    /**
     * The spherical cap angle around a point whose every point is surely within {@code distance}
     * of it on the ellipsoid (an inner bound of the geodesic disc).
     */
    public static S1Angle innerAngle(Distance distance) {
        return S1Angle.radians(
                Math.max(0, Math.min(Math.PI, distance.km() / INNER_RADIUS_KM - ROUNDING_SLACK_RADIANS)));
    }

    /** An upper bound of the ellipsoidal distance between two points whose spherical angle is at most {@code angle}. */
    public static Distance upperDistance(S1Angle angle) {
        return Distance.ofKm(Math.max(0, angle.radians()) * INNER_RADIUS_KM);
    }
}
