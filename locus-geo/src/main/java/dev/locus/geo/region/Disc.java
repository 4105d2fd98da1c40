package dev.locus.geo.region;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Cap;
import dev.locus.geo.GeoException;
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
 * @param center the landmark's published position
 * @param roundTrip the measured round trip
 * @param maxDistance the distance bound {@code rtt * v / 2} plus the landmark's position
 *     uncertainty
 * @param cap the outer spherical cap of the disc
 * @param operator the landmark's trust domain: discs of one operator count once when verdicts
 *     tolerate lying landmarks
 */
public record Disc(
        String landmarkId, GeoPosition center, RoundTrip roundTrip, Distance maxDistance, S2Cap cap, String operator) {

    public Disc {
        if (operator == null || operator.isBlank()) {
            throw new GeoException("disc of landmark " + landmarkId + " needs an operator");
        }
    }

    /** The disc that the round trip proves under the given speed bound; the landmark is its own operator. */
    public static Disc of(String landmarkId, GeoPosition center, RoundTrip roundTrip, SpeedBound speed) {
        return of(landmarkId, landmarkId, center, Distance.ZERO, roundTrip, speed);
    }

    /**
     * The disc that the round trip proves under the given speed bound, enlarged by the landmark's
     * position uncertainty: if the landmark is truly within {@code positionUncertainty} of {@code
     * center}, the responder is within {@code rtt * v / 2 + positionUncertainty} of {@code center}.
     */
    public static Disc of(
            String landmarkId,
            String operator,
            GeoPosition center,
            Distance positionUncertainty,
            RoundTrip roundTrip,
            SpeedBound speed) {
        Distance d = Distance.ofKm(speed.maxDistance(roundTrip).km() + positionUncertainty.km());
        return new Disc(
                landmarkId,
                center,
                roundTrip,
                d,
                S2Cap.fromAxisAngle(center.toS2Point(), EarthModel.outerAngle(d)),
                operator);
    }

    public S1Angle angle() {
        return cap.angle();
    }

    /** True when the disc covers the whole Earth and so constrains nothing. */
    public boolean coversEarth() {
        return cap.angle().radians() >= Math.PI;
    }
}
