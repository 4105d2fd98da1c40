package dev.locus.geo.position;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;

/**
 * Positions anywhere on the ellipsoid for property tests, latitude and longitude drawn
 * independently over their whole ranges: {@code @ForAll(supplier = AnyPosition.class)}.
 */
public final class AnyPosition implements ArbitrarySupplier<GeoPosition> {
    @Override
    public Arbitrary<GeoPosition> get() {
        return between(90);
    }

    /** Positions with latitudes in [-maxLatitude, maxLatitude] and any longitude. */
    static Arbitrary<GeoPosition> between(double maxLatitude) {
        return Combinators.combine(
                        Arbitraries.doubles().between(-maxLatitude, maxLatitude),
                        Arbitraries.doubles().between(-180, 180))
                .as(GeoPosition::ofDegrees);
    }

    /** As {@link AnyPosition}, but no nearer a pole than one degree. */
    public static final class OffThePoles implements ArbitrarySupplier<GeoPosition> {
        @Override
        public Arbitrary<GeoPosition> get() {
            return between(89);
        }
    }
}
