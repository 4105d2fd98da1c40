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
 * every region a superset of the true one: sound.
 */
public final class EarthModel {

    /** WGS84 semi-major axis in km. */
    public static final double WGS84_A_KM = 6378.137;

    /** WGS84 flattening. */
    public static final double WGS84_F = 1 / 298.257223563;

    /** Smallest radius of curvature of the WGS84 ellipsoid, a(1-e²), in km (≈ 6335.439). */
    public static final double SOUND_RADIUS_KM = WGS84_A_KM * (1 - WGS84_F * (2 - WGS84_F));

    /** IUGG mean Earth radius R1 in km, for reported great-circle distances and extents. */
    public static final double MEAN_RADIUS_KM = 6371.0088;

    private EarthModel() {}

    /** The spherical angle that surely contains every point within {@code distance} on the ellipsoid. */
    public static S1Angle soundAngle(Distance distance) {
        return S1Angle.radians(Math.min(Math.PI, distance.km() / SOUND_RADIUS_KM));
    }

    /** A spherical angle expressed as kilometres on the mean-radius sphere (for reporting). */
    public static Distance meanDistance(S1Angle angle) {
        return Distance.ofKm(angle.radians() * MEAN_RADIUS_KM);
    }
}
