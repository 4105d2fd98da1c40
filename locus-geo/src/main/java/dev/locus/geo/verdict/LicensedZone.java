package dev.locus.geo.verdict;

import dev.locus.geo.GeoException;
import dev.locus.geo.position.Distance;
import java.util.Set;
import java.util.TreeSet;

/** Where a licence allows a device to run. */
public sealed interface LicensedZone {

    /** Within {@code radius} (on the ellipsoid) of the declared site. */
    record Radius(Distance radius) implements LicensedZone {
        public Radius {
            if (radius == null || radius.km() <= 0 || radius.km() > 20_000) {
                throw new GeoException("zone radius must be > 0 and <= 20000 km, got " + radius);
            }
        }
    }

    /** Anywhere in the listed jurisdictions (ISO alpha-2 codes). */
    record Countries(Set<String> codes) implements LicensedZone {
        public Countries {
            if (codes == null || codes.isEmpty()) {
                throw new GeoException("a licensed zone of countries must list at least one code");
            }
            codes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(codes));
        }
    }

    static LicensedZone withinKm(double km) {
        return new Radius(Distance.ofKm(km));
    }
}
