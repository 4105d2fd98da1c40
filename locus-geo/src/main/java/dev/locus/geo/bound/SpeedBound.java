package dev.locus.geo.bound;

import dev.locus.geo.GeoException;
import dev.locus.geo.position.Distance;

/**
 * The largest speed at which a signal may have travelled, in km per millisecond. Only the speed
 * of light in vacuum ({@link #LIGHT_IN_VACUUM}) gives provable bounds; slower speeds (fibre is
 * about 200 km/ms) give tighter regions that real paths can beat, so verdicts under them are
 * estimates and {@link #provable()} says so.
 *
 * @param kmPerMs in (0, 299.792458]
 */
public record SpeedBound(double kmPerMs) {

    /** c = 299 792.458 km/s = 299.792458 km/ms. */
    public static final double C_KM_PER_MS = 299.792458;

    /** The speed of light in vacuum: the only sound bound. */
    public static final SpeedBound LIGHT_IN_VACUUM = new SpeedBound(C_KM_PER_MS);

    public SpeedBound {
        if (!Double.isFinite(kmPerMs) || kmPerMs <= 0 || kmPerMs > C_KM_PER_MS) {
            throw new GeoException("speed must be > 0 and <= " + C_KM_PER_MS
                    + " km/ms (nothing outruns light in vacuum), got " + kmPerMs);
        }
    }

    public static SpeedBound ofKmPerMs(double kmPerMs) {
        return new SpeedBound(kmPerMs);
    }

    /** True when this is the speed of light in vacuum, i.e. bounds under it are proofs. */
    public boolean provable() {
        return kmPerMs >= C_KM_PER_MS;
    }

    /**
     * The farthest the responder can be from the timer for the given round trip: {@code rtt * v /
     * 2}. The whole round trip counts, processing time included: any time the responder spends
     * only enlarges the bound, never shrinks it.
     */
    public Distance maxDistance(RoundTrip roundTrip) {
        return Distance.ofKm(roundTrip.millis() * kmPerMs / 2.0);
    }
}
