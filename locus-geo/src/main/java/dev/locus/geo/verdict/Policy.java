package dev.locus.geo.verdict;

import dev.locus.geo.GeoException;
import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.position.Distance;
import dev.locus.geo.region.FeasibleRegion;
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
 * @param toleratedLiars F: how many independent operators may publish wrong landmark positions
 *     without any proven verdict becoming false (0 assumes every landmark is honest; 0..10)
 */
public record Policy(
        Set<String> restricted, LicensedZone zone, SpeedBound speed, Distance borderMargin, int toleratedLiars) {

    /** F for compliance verdicts unless a policy says otherwise: one undetected liar cannot fake a proof. */
    public static final int DEFAULT_TOLERATED_LIARS = 1;

    /**
     * Restricted CN, HK, MO; zone 500 km around the declared site; speed c; borders taken as exact;
     * tolerates one lying operator.
     */
    public static final Policy DEFAULT = new Policy(
            Set.of("CN", "HK", "MO"),
            LicensedZone.withinKm(500),
            SpeedBound.LIGHT_IN_VACUUM,
            Distance.ZERO,
            DEFAULT_TOLERATED_LIARS);

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
        if (toleratedLiars < 0 || toleratedLiars > FeasibleRegion.MAX_TOLERATED) {
            throw new GeoException(
                    "tolerated liars must be in [0, " + FeasibleRegion.MAX_TOLERATED + "], got " + toleratedLiars);
        }
        restricted = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(restricted));
    }

    /** A policy that tolerates {@link #DEFAULT_TOLERATED_LIARS} lying operators. */
    public Policy(Set<String> restricted, LicensedZone zone, SpeedBound speed, Distance borderMargin) {
        this(restricted, zone, speed, borderMargin, DEFAULT_TOLERATED_LIARS);
    }

    public Policy withRestricted(Set<String> codes) {
        return new Policy(codes, zone, speed, borderMargin, toleratedLiars);
    }

    public Policy withZone(LicensedZone z) {
        return new Policy(restricted, z, speed, borderMargin, toleratedLiars);
    }

    public Policy withSpeed(SpeedBound s) {
        return new Policy(restricted, zone, s, borderMargin, toleratedLiars);
    }

    public Policy withBorderMargin(Distance m) {
        return new Policy(restricted, zone, speed, m, toleratedLiars);
    }

    public Policy withToleratedLiars(int f) {
        return new Policy(restricted, zone, speed, borderMargin, f);
    }

    /** How the policy's F reads to a person. */
    public String toleranceText() {
        return toleranceText(toleratedLiars);
    }

    /** How a given F reads to a person. */
    public static String toleranceText(int f) {
        return switch (f) {
            case 0 -> "F = 0: assumes every landmark is honest";
            case 1 -> "F = 1: holds even if any one landmark operator lies";
            default -> "F = " + f + ": holds even if any " + f + " landmark operators lie";
        };
    }
}
