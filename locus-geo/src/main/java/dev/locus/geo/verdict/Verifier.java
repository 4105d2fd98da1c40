package dev.locus.geo.verdict;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2Polygon;
import com.google.common.geometry.S2Region;
import dev.locus.geo.GeoException;
import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.jurisdiction.BufferedRegion;
import dev.locus.geo.jurisdiction.Jurisdictions;
import dev.locus.geo.jurisdiction.ShrunkRegion;
import dev.locus.geo.position.Distance;
import dev.locus.geo.position.EarthModel;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.region.Coverage;
import dev.locus.geo.region.Disc;
import dev.locus.geo.region.FeasibleRegion;
import dev.locus.geo.region.RegionRelations;
import dev.locus.geo.region.RegionRelations.Limits;
import dev.locus.geo.region.Relation;
import dev.locus.geo.region.Tri;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns round trips into sound verdicts. For each measurement the disc {@code rtt * v / 2}
 * around the landmark bounds where the device can be; their intersection is the feasible region,
 * and each verdict is proven about that region exactly (see {@link RegionRelations}) or not at
 * all. Thread-safe; jurisdiction unions are cached per policy.
 */
public final class Verifier {

    /**
     * Cells describing a region's extent. An upper bound either way; 96 cells keep it within about
     * a tenth of the region's size at a third of the cost of 256 (the extent is evidence, not a
     * verdict).
     */
    private static final int COVERAGE_CELLS = 96;

    private final Jurisdictions jurisdictions;
    private final Limits limits;
    private final Map<AreaKey, AreaTargets> areas = new ConcurrentHashMap<>();

    private Verifier(Jurisdictions jurisdictions, Limits limits) {
        this.jurisdictions = jurisdictions;
        this.limits = limits;
    }

    public static Verifier of(Jurisdictions jurisdictions) {
        return new Verifier(jurisdictions, Limits.DEFAULT);
    }

    public static Verifier of(Jurisdictions jurisdictions, Limits limits) {
        return new Verifier(jurisdictions, limits);
    }

    public Jurisdictions jurisdictions() {
        return jurisdictions;
    }

    /**
     * The verdicts for a device that claims {@code declaredSite}, from its measurements. Several
     * measurements from one landmark collapse to their minimum round trip.
     *
     * @throws GeoException when one landmark id appears with two different positions
     */
    public Assessment assess(GeoPosition declaredSite, Collection<Measurement> measurements, Policy policy) {
        List<Disc> discs = discs(measurements, policy);
        FeasibleRegion region = FeasibleRegion.of(discs);
        List<String> undecided = new ArrayList<>();
        int cells = 0;

        Tri nonEmpty = discs.isEmpty() ? Tri.YES : RegionRelations.nonEmpty(region, limits);
        if (nonEmpty != Tri.YES) {
            Verdict v = nonEmpty == Tri.NO ? Verdict.INCONSISTENT : Verdict.INCONCLUSIVE;
            if (nonEmpty == Tri.UNKNOWN) {
                undecided.add("region: too small to confirm it is non-empty at the resolution limit");
            }
            Evidence e = new Evidence(
                    region.candidateBoundingDiscs(), discs.size(), Distance.ZERO, 0, policy.speed(), undecided, 0);
            return new Assessment(declaredSite, List.of(v), e, region);
        }

        EnumSet<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        AreaTargets restricted = area(policy.restricted(), policy.borderMargin());
        Relation r = relateToArea(region, restricted);
        cells += r.cellsVisited();
        note(undecided, "restricted jurisdictions " + policy.restricted(), r);
        if (r.intersects() == Tri.NO) {
            verdicts.add(Verdict.EXCLUDES_RESTRICTED);
        }
        if (r.contained() == Tri.YES) {
            verdicts.add(Verdict.IN_RESTRICTED);
        }

        Relation z = relateToZone(region, declaredSite, policy);
        cells += z.cellsVisited();
        note(undecided, "licensed zone", z);
        if (z.contained() == Tri.YES) {
            verdicts.add(Verdict.IN_ZONE);
        }
        if (z.intersects() == Tri.NO) {
            verdicts.add(Verdict.OUTSIDE_ZONE);
        }
        if (verdicts.isEmpty()) {
            verdicts.add(Verdict.INCONCLUSIVE);
        }

        Coverage coverage = Coverage.of(region, COVERAGE_CELLS);
        Distance maxDistance = EarthModel.upperDistance(S1Angle.radians(Math.min(
                coverage.maxAngleFrom(declaredSite.toS2Point()).radians(), farthestByDisc(region, declaredSite))));
        double areaKm2 = coverage.coveringSteradians() * EarthModel.MEAN_RADIUS_KM * EarthModel.MEAN_RADIUS_KM;
        Evidence evidence = new Evidence(
                coverage.boundingDiscs(), discs.size(), maxDistance, areaKm2, policy.speed(), undecided, cells);
        return new Assessment(declaredSite, List.copyOf(verdicts), evidence, region);
    }

    /** The region lies in every disc, so no point of it is farther from the site than centre + radius. */
    private static double farthestByDisc(FeasibleRegion region, GeoPosition site) {
        S2Point p = site.toS2Point();
        double best = Math.PI;
        for (Disc d : region.candidateBoundingDiscs()) {
            best = Math.min(best, d.cap().axis().angle(p) + d.angle().radians());
        }
        return best;
    }

    /** One disc per landmark, from its smallest round trip. */
    static List<Disc> discs(Collection<Measurement> measurements, Policy policy) {
        Map<String, Measurement> best = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            Measurement prev = best.get(m.landmark().id());
            if (prev == null) {
                best.put(m.landmark().id(), m);
                continue;
            }
            if (!prev.landmark().position().equals(m.landmark().position())) {
                throw new GeoException("landmark " + m.landmark().id() + " appears at two positions: "
                        + prev.landmark().position() + " and " + m.landmark().position());
            }
            RoundTrip min = prev.roundTrip().min(m.roundTrip());
            best.put(m.landmark().id(), new Measurement(prev.landmark(), min));
        }
        List<Disc> discs = new ArrayList<>(best.size());
        for (Measurement m : best.values()) {
            discs.add(Disc.of(m.landmark().id(), m.landmark().position(), m.roundTrip(), policy.speed()));
        }
        return discs;
    }

    private static void note(List<String> undecided, String what, Relation r) {
        if (r.intersects() == Tri.UNKNOWN || r.contained() == Tri.UNKNOWN) {
            undecided.add(what + ": region runs along the boundary closer than the resolution limit");
        }
    }

    private Relation relateToArea(FeasibleRegion region, AreaTargets area) {
        S2Cap bound = region.boundingCap();
        if (!area.outer().getRectBound().intersects(bound.getRectBound())) {
            // The region lies in its bounding cap, which misses the area: disjoint, and (being
            // non-empty) not contained.
            return new Relation(Tri.NO, Tri.NO, 0);
        }
        if (area.outer() == area.inner()) {
            return RegionRelations.relate(region, area.outer(), true, true, limits);
        }
        Relation i = RegionRelations.relate(region, area.outer(), true, false, limits);
        Relation c = RegionRelations.relate(region, area.inner(), false, true, limits);
        return new Relation(i.intersects(), c.contained(), i.cellsVisited() + c.cellsVisited());
    }

    private Relation relateToZone(FeasibleRegion region, GeoPosition site, Policy policy) {
        return switch (policy.zone()) {
            case LicensedZone.Countries c -> relateToArea(region, area(c.codes(), policy.borderMargin()));
            case LicensedZone.Radius rad -> relateToDisc(region, site, rad.radius());
        };
    }

    private Relation relateToDisc(FeasibleRegion region, GeoPosition site, Distance radius) {
        S2Point centre = site.toS2Point();
        S2Cap outer = S2Cap.fromAxisAngle(centre, EarthModel.outerAngle(radius));
        S2Cap inner = S2Cap.fromAxisAngle(centre, EarthModel.innerAngle(radius));
        S2Cap bound = region.boundingCap();
        Tri intersects = null;
        Tri contained = null;
        double between = bound.axis().angle(centre);
        if (between > bound.angle().radians() + outer.angle().radians()) {
            intersects = Tri.NO;
            contained = Tri.NO;
        } else if (inner.contains(bound)) {
            contained = Tri.YES;
        }
        int cells = 0;
        if (intersects == null) {
            Relation i = RegionRelations.relate(region, outer, true, false, limits);
            intersects = i.intersects();
            cells += i.cellsVisited();
        }
        if (contained == null) {
            Relation c = RegionRelations.relate(region, inner, false, true, limits);
            contained = c.contained();
            cells += c.cellsVisited();
        }
        return new Relation(intersects, contained, cells);
    }

    private AreaTargets area(Set<String> codes, Distance margin) {
        return areas.computeIfAbsent(new AreaKey(Set.copyOf(codes), margin), k -> {
            S2Polygon union = jurisdictions.union(k.codes());
            if (k.margin().km() <= 0) {
                return new AreaTargets(union, union);
            }
            S1Angle m = EarthModel.outerAngle(k.margin());
            return new AreaTargets(new BufferedRegion(union, m), new ShrunkRegion(union, m));
        });
    }

    private record AreaKey(Set<String> codes, Distance margin) {}

    /** {@code outer} ⊇ area (for proving disjointness), {@code inner} ⊆ area (for proving containment). */
    private record AreaTargets(S2Region outer, S2Region inner) {}
}
