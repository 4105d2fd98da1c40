package dev.locus.geo.verdict;

import dev.locus.geo.GeoException;
import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.position.Distance;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a verdict is judged against.
 *
 * @param restricted jurisdictions a device must be proven to avoid (ISO alpha-2)
 * @param zone where the licence allows the device
 * @param speed the signal speed bound; only {@link SpeedBound#LIGHT_IN_VACUUM} gives proofs
 * @param borderMargin how far a region must stay from a border to count as on one side of it
 *     (absorbs inaccuracy of the boundary data; 0 takes the boundaries as exact)
 */
public record Policy(Set<String> restricted, LicensedZone zone, SpeedBound speed, Distance borderMargin) {

    /** Restricted CN, HK, MO; zone 500 km around the declared site; speed c; borders taken as exact. */
    public static final Policy DEFAULT =
            new Policy(Set.of("CN", "HK", "MO"), LicensedZone.withinKm(500), SpeedBound.LIGHT_IN_VACUUM, Distance.ZERO);

    public Policy {
        if (restricted == null || restricted.isEmpty()) {
            throw new GeoException("policy must name at least one restricted jurisdiction");
        }
        if (zone == null || speed == null || borderMargin == null) {
            throw new GeoException("policy needs a zone, a speed bound and a border margin");
        }
        if (borderMargin.km() > 1000) {
            throw new GeoException("border margin must be <= 1000 km, got " + borderMargin);
        }
        restricted = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(restricted));
    }

    public Policy withRestricted(Set<String> codes) {
        return new Policy(codes, zone, speed, borderMargin);
    }

    public Policy withZone(LicensedZone z) {
        return new Policy(restricted, z, speed, borderMargin);
    }

    public Policy withSpeed(SpeedBound s) {
        return new Policy(restricted, zone, s, borderMargin);
    }

    public Policy withBorderMargin(Distance m) {
        return new Policy(restricted, zone, speed, m);
    }
}
