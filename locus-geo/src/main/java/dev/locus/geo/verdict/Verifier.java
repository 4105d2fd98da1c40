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
import dev.locus.geo.region.OperatorShare;
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
     * The verdicts for a device that claims {@code declaredSite}, from its measurements, proven
     * about the region where the device surely is when at most {@code policy.toleratedLiars()}
     * operators publish wrong positions (see {@link FeasibleRegion#tolerating}). Several
     * measurements from one landmark collapse to their minimum round trip. When F &gt; 0, the
     * verdicts that hold only if every landmark is honest are listed apart ({@link
     * Assessment#honestOnly()}).
     *
     * @throws GeoException when one landmark id appears with two different positions or operators
     */
    public Assessment assess(GeoPosition declaredSite, Collection<Measurement> measurements, Policy policy) {
        return assess(declaredSite, measurements, policy, true);
    }

    /**
     * As {@link #assess(GeoPosition, Collection, Policy)}; with {@code compareWithHonest} false the
     * F = 0 comparison is skipped and {@link Assessment#honestOnly()} is empty (for bulk studies).
     */
    public Assessment assess(
            GeoPosition declaredSite, Collection<Measurement> measurements, Policy policy, boolean compareWithHonest) {
        List<Disc> discs = discs(measurements, policy);
        int f = policy.toleratedLiars();
        FeasibleRegion region = FeasibleRegion.tolerating(discs, f);
        int operators = (int) discs.stream().map(Disc::operator).distinct().count();
        Proof proof = prove(region, declaredSite, policy);
        List<Verdict> honestOnly = List.of();
        if (f > 0 && compareWithHonest) {
            Proof honest = prove(FeasibleRegion.of(discs), declaredSite, policy);
            honestOnly = honest.verdicts().stream()
                    .filter(v -> v != Verdict.INCONCLUSIVE && !proof.verdicts().contains(v))
                    .toList();
        }
        if (!proof.nonEmpty()) {
            Evidence e = new Evidence(
                    region.candidateBoundingDiscs(),
                    discs.size(),
                    Distance.ZERO,
                    0,
                    policy.speed(),
                    proof.undecided(),
                    proof.cells(),
                    f,
                    operators,
                    proof.reliance());
            return new Assessment(declaredSite, proof.verdicts(), e, region, honestOnly);
        }
        Coverage coverage = Coverage.of(region, COVERAGE_CELLS);
        Distance maxDistance = EarthModel.upperDistance(S1Angle.radians(Math.min(
                coverage.maxAngleFrom(declaredSite.toS2Point()).radians(),
                region.farthestAngleFrom(declaredSite.toS2Point()))));
        double areaKm2 = coverage.coveringSteradians() * EarthModel.MEAN_RADIUS_KM * EarthModel.MEAN_RADIUS_KM;
        Evidence evidence = new Evidence(
                coverage.boundingDiscs(),
                discs.size(),
                maxDistance,
                areaKm2,
                policy.speed(),
                proof.undecided(),
                proof.cells(),
                f,
                operators,
                proof.reliance());
        return new Assessment(declaredSite, proof.verdicts(), evidence, region, honestOnly);
    }

    /** The verdicts a region proves, with what each rests on. */
    private record Proof(
            boolean nonEmpty, List<Verdict> verdicts, List<String> undecided, int cells, List<Reliance> reliance) {}

    private Proof prove(FeasibleRegion region, GeoPosition declaredSite, Policy policy) {
        List<String> undecided = new ArrayList<>();
        List<Reliance> reliance = new ArrayList<>();
        int need = region.toleratedLiars() + 1;
        Relation n = region.candidateBoundingDiscs().isEmpty()
                ? new Relation(Tri.YES, Tri.UNKNOWN, 0)
                : RegionRelations.nonEmptyRelation(region, limits);
        if (n.intersects() != Tri.YES) {
            Verdict v = n.intersects() == Tri.NO ? Verdict.INCONSISTENT : Verdict.INCONCLUSIVE;
            if (n.intersects() == Tri.UNKNOWN) {
                undecided.add("region: too small to confirm it is non-empty at the resolution limit");
            } else {
                reliance.add(new Reliance(v, need, top(n.restingOn())));
            }
            return new Proof(false, List.of(v), undecided, n.cellsVisited(), reliance);
        }
        int cells = n.cellsVisited();
        EnumSet<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        AreaTargets restricted = area(policy.restricted(), policy.borderMargin());
        Related r = relateToArea(region, restricted);
        cells += r.cells();
        note(undecided, "restricted jurisdictions " + policy.restricted(), r);
        prove(r, Verdict.EXCLUDES_RESTRICTED, Verdict.IN_RESTRICTED, need, verdicts, reliance);

        Related z = relateToZone(region, declaredSite, policy);
        cells += z.cells();
        note(undecided, "licensed zone", z);
        prove(z, Verdict.OUTSIDE_ZONE, Verdict.IN_ZONE, need, verdicts, reliance);
        if (verdicts.isEmpty()) {
            verdicts.add(Verdict.INCONCLUSIVE);
        }
        reliance.sort(java.util.Comparator.comparing(Reliance::verdict));
        return new Proof(true, List.copyOf(verdicts), undecided, cells, reliance);
    }

    /**
     * Adds what {@code area} proves, each verdict with what its proof rests on: {@code outside} when
     * the region cannot meet the area, {@code inside} when it lies within it.
     */
    private static void prove(
            Related area, Verdict outside, Verdict inside, int need, Set<Verdict> verdicts, List<Reliance> reliance) {
        if (area.intersects() == Tri.NO) {
            verdicts.add(outside);
            reliance.add(new Reliance(outside, need, top(area.intersectsOn())));
        }
        if (area.contained() == Tri.YES) {
            verdicts.add(inside);
            reliance.add(new Reliance(inside, need, top(area.containedOn())));
        }
    }

    private static List<OperatorShare> top(List<OperatorShare> all) {
        return all.size() <= 5 ? all : all.subList(0, 5);
    }

    /** Every point of the target is outside each anchor disc: the proof rests on the anchors alone. */
    private static List<OperatorShare> anchors(FeasibleRegion region) {
        return region.anchorDiscs().stream()
                .map(d -> new OperatorShare(d.operator(), 1.0))
                .toList();
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
            if (!prev.landmark().position().equals(m.landmark().position())
                    || !prev.landmark().operator().equals(m.landmark().operator())
                    || !prev.landmark()
                            .positionUncertainty()
                            .equals(m.landmark().positionUncertainty())) {
                throw new GeoException("landmark " + m.landmark().id() + " appears with two positions or"
                        + " two operators: " + prev.landmark() + " and " + m.landmark());
            }
            RoundTrip min = prev.roundTrip().min(m.roundTrip());
            best.put(m.landmark().id(), new Measurement(prev.landmark(), min));
        }
        List<Disc> discs = new ArrayList<>(best.size());
        for (Measurement m : best.values()) {
            Landmark l = m.landmark();
            discs.add(Disc.of(
                    l.id(), l.operator(), l.position(), l.positionUncertainty(), m.roundTrip(), policy.speed()));
        }
        return discs;
    }

    private static void note(List<String> undecided, String what, Related r) {
        if (r.intersects() == Tri.UNKNOWN || r.contained() == Tri.UNKNOWN) {
            undecided.add(what + ": region runs along the boundary closer than the resolution limit");
        }
    }

    /** A region's relation to a target, with the operators each answer rests on. */
    private record Related(
            Tri intersects,
            List<OperatorShare> intersectsOn,
            Tri contained,
            List<OperatorShare> containedOn,
            int cells) {}

    private Related relateToArea(FeasibleRegion region, AreaTargets area) {
        S2Cap bound = region.boundingCap();
        if (!area.outer().getRectBound().intersects(bound.getRectBound())) {
            // The region lies in its bounding cap, which misses the area: disjoint, and (being
            // non-empty) not contained.
            List<OperatorShare> on = anchors(region);
            return new Related(Tri.NO, on, Tri.NO, on, 0);
        }
        if (area.outer() == area.inner()) {
            Relation r = RegionRelations.relate(region, area.outer(), true, true, limits);
            return new Related(r.intersects(), r.restingOn(), r.contained(), r.restingOn(), r.cellsVisited());
        }
        Relation i = RegionRelations.relate(region, area.outer(), true, false, limits);
        Relation c = RegionRelations.relate(region, area.inner(), false, true, limits);
        return new Related(
                i.intersects(), i.restingOn(), c.contained(), c.restingOn(), i.cellsVisited() + c.cellsVisited());
    }

    private Related relateToZone(FeasibleRegion region, GeoPosition site, Policy policy) {
        return switch (policy.zone()) {
            case LicensedZone.Countries c -> relateToArea(region, area(c.codes(), policy.borderMargin()));
            case LicensedZone.Radius rad -> relateToDisc(region, site, rad.radius());
        };
    }

    private Related relateToDisc(FeasibleRegion region, GeoPosition site, Distance radius) {
        S2Point centre = site.toS2Point();
        S2Cap outer = S2Cap.fromAxisAngle(centre, EarthModel.outerAngle(radius));
        S2Cap inner = S2Cap.fromAxisAngle(centre, EarthModel.innerAngle(radius));
        S2Cap bound = region.boundingCap();
        double between = bound.axis().angle(centre);
        if (between > bound.angle().radians() + outer.angle().radians()) {
            List<OperatorShare> on = anchors(region);
            return new Related(Tri.NO, on, Tri.NO, on, 0);
        }
        Relation i = RegionRelations.relate(region, outer, true, false, limits);
        if (inner.contains(bound)) {
            return new Related(i.intersects(), i.restingOn(), Tri.YES, anchors(region), i.cellsVisited());
        }
        Relation c = RegionRelations.relate(region, inner, false, true, limits);
        return new Related(
                i.intersects(), i.restingOn(), c.contained(), c.restingOn(), i.cellsVisited() + c.cellsVisited());
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
