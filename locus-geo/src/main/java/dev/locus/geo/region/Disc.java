package dev.locus.geo.region;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Cap;
import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.position.Distance;
import dev.locus.geo.position.EarthModel;
import dev.locus.geo.position.GeoPosition;

/**
 * The set of places a responder can be, given one round trip from a landmark: every point within
 * {@code maxDistance} (on the ellipsoid) of the landmark. {@link #cap()} is a spherical cap that
 * contains that set (see {@link EarthModel}), so any conclusion drawn from the cap holds for the
 * true disc.
 *
 * @param landmarkId who measured
 * @param center the landmark's position
 * @param roundTrip the measured round trip
 * @param maxDistance the distance bound {@code rtt * v / 2}
 * @param cap the outer spherical cap of the disc
 */
public record Disc(String landmarkId, GeoPosition center, RoundTrip roundTrip, Distance maxDistance, S2Cap cap) {

    /** The disc that the round trip proves under the given speed bound. */
    public static Disc of(String landmarkId, GeoPosition center, RoundTrip roundTrip, SpeedBound speed) {
        Distance d = speed.maxDistance(roundTrip);
        return new Disc(
                landmarkId, center, roundTrip, d, S2Cap.fromAxisAngle(center.toS2Point(), EarthModel.outerAngle(d)));
    }

    public S1Angle angle() {
        return cap.angle();
    }

    /** True when the disc covers the whole Earth and so constrains nothing. */
    public boolean coversEarth() {
        return cap.angle().radians() >= Math.PI;
    }
}
