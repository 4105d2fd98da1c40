package dev.locus.geo.bound;

import dev.locus.geo.GeoException;
import dev.locus.geo.position.EarthModel;
import dev.locus.geo.position.GeoPosition;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether one device can have answered two timed exchanges, or its identity answered from two
 * places at once (a cloned key): the one model used by {@code ./locus verify} and by the control
 * plane's CLONED_IDENTITY rule.
 *
 * <p>The model is the straight line (chord) through the Earth, which is what light bounds: a round
 * trip of {@code t} puts the device within straight-line distance {@code c·t/2} of the landmark
 * ({@link SpeedBound#LIGHT_IN_VACUUM}). For two sightings at landmarks {@code A} and {@code B}, the
 * triangle inequality in space gives {@code |device₁ - device₂| >= |A - B| - c·t₁/2 - c·t₂/2}, with
 * {@code |A - B|} the exact straight-line distance between the two registered positions on the
 * WGS84 ellipsoid (earth-centred coordinates, heights taken as zero). A device that travels at most
 * {@code v} over the surface covers at most {@code v·Δt} of straight line too (a chord is never
 * longer than a path over the surface). So the sightings are impossible for one device when {@code
 * |A - B| > c·t₁/2 + c·t₂/2 + v·Δt}: a proof, never an estimate. A geodesic distance in place of the
 * chord would not be one: a device within {@code c·t/2} of a landmark in a straight line can be
 * farther than that over the surface, so geodesic separations overstate what light allows and
 * could accuse an honest device at long round trips. Thread-safe, immutable.
 */
public final class ClonePhysics {
    /** Faster than any airliner in service, so a flight never looks like a clone. */
    public static final double DEFAULT_MAX_TRAVEL_KM_PER_HOUR = 1_200;

    private static final double E2 = EarthModel.WGS84_F * (2 - EarthModel.WGS84_F);
    private static final double NANOS_PER_HOUR = 3.6e12;

    private final double maxTravelKmPerHour;

    private ClonePhysics(double maxTravelKmPerHour) {
        if (!(maxTravelKmPerHour > 0) || !Double.isFinite(maxTravelKmPerHour)) {
            throw new GeoException("maxTravelKmPerHour must be > 0 and finite, got " + maxTravelKmPerHour);
        }
        this.maxTravelKmPerHour = maxTravelKmPerHour;
    }

    /** @param maxTravelKmPerHour the fastest a device may travel over the surface, in km/h */
    public static ClonePhysics ofMaxTravel(double maxTravelKmPerHour) {
        return new ClonePhysics(maxTravelKmPerHour);
    }

    /** With {@link #DEFAULT_MAX_TRAVEL_KM_PER_HOUR}. */
    public static ClonePhysics standard() {
        return new ClonePhysics(DEFAULT_MAX_TRAVEL_KM_PER_HOUR);
    }

    public double maxTravelKmPerHour() {
        return maxTravelKmPerHour;
    }

    /** One timed exchange: where the landmark is, the shortest round trip, and when it was measured. */
    public record Sighting(GeoPosition landmark, RoundTrip roundTrip, Instant measuredAt) {}

    /**
     * What two sightings allow.
     *
     * @param landmarkChordKm straight-line distance between the two landmarks, in km
     * @param lightReachKm how far from its landmark light lets each device be, summed, in km
     * @param travelKm how far a device may travel between the two measurement times, in km
     */
    public record Comparison(double landmarkChordKm, double lightReachKm, double travelKm) {
        /** The most a single device explains: both light reaches plus the travel, in km. */
        public double maxReachKm() {
            return lightReachKm + travelKm;
        }

        /** The least straight-line distance between the two answering devices, in km (may be negative). */
        public double minimumSeparationKm() {
            return landmarkChordKm - lightReachKm;
        }

        /** True when no single device explains both sightings: a proof under light in vacuum. */
        public boolean impossible() {
            return landmarkChordKm > maxReachKm();
        }
    }

    /** Compares two sightings of one identity. */
    public Comparison compare(Sighting a, Sighting b) {
        double reach = SpeedBound.LIGHT_IN_VACUUM.maxDistance(a.roundTrip()).km()
                + SpeedBound.LIGHT_IN_VACUUM.maxDistance(b.roundTrip()).km();
        double hours = Duration.between(a.measuredAt(), b.measuredAt()).abs().toNanos() / NANOS_PER_HOUR;
        return new Comparison(chordKm(a.landmark(), b.landmark()), reach, maxTravelKmPerHour * hours);
    }

    /** Exact straight-line distance between two points on the WGS84 ellipsoid (height zero), in km. */
    public static double chordKm(GeoPosition p, GeoPosition q) {
        double[] a = ecef(p);
        double[] b = ecef(q);
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static double[] ecef(GeoPosition p) {
        double lat = Math.toRadians(p.latitudeDegrees());
        double lon = Math.toRadians(p.longitudeDegrees());
        double sinLat = Math.sin(lat);
        double n = EarthModel.WGS84_A_KM / Math.sqrt(1 - E2 * sinLat * sinLat);
        return new double[] {n * Math.cos(lat) * Math.cos(lon), n * Math.cos(lat) * Math.sin(lon), n * (1 - E2) * sinLat
        };
    }
}
