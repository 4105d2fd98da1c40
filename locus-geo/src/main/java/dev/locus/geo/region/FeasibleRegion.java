package dev.locus.geo.region;

import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2Point;
import dev.locus.geo.GeoException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every place consistent with the measurements when at most {@code F} operators lie: the points
 * that the discs of at most {@code F} independent operators exclude. With {@code F = 0} it is the
 * intersection of all discs. Held as the discs themselves, never as a polygon, so no
 * approximation enters the region; questions about it are answered exactly by {@link
 * RegionRelations} through S2 cell tests, counting per cell the operators whose discs exclude it.
 *
 * <p>Why this region: a landmark whose published position is wrong (a liar) can exclude the
 * device's true position, an honest one cannot. If at most {@code F} operators lie, the true
 * position is excluded by at most {@code F} operators, so it lies in this region. Every disc of one
 * operator counts once: one operator cannot fake a proof with two boxes.
 *
 * <p>Discs that cannot change the region are dropped: with {@code F = 0} those that contain the
 * smallest disc; with {@code F > 0} those that contain the smallest discs of the {@code F + 1}
 * operators with the smallest discs (every point of the region lies in one of those, and such a
 * disc excludes none of them). The rest are ordered smallest first, which rejects cells soonest.
 * Immutable and thread-safe.
 */
public final class FeasibleRegion {

    /** Most liars a region can be asked to tolerate. */
    public static final int MAX_TOLERATED = 10;

    private final int tolerated;
    private final List<Disc> bounding;
    private final S2Cap[] caps;
    private final int[] operatorOf;
    private final List<String> operators;
    private final List<Disc> anchors;
    private final S2Cap boundingCap;
    private final boolean provenEmpty;

    private FeasibleRegion(List<Disc> discs, int tolerated) {
        if (tolerated < 0 || tolerated > MAX_TOLERATED) {
            throw new GeoException("tolerated liars must be in [0, " + MAX_TOLERATED + "], got " + tolerated);
        }
        this.tolerated = tolerated;
        List<Disc> constraining = discs.stream().filter(d -> !d.coversEarth()).toList();
        Map<String, Disc> smallestByOperator = new LinkedHashMap<>();
        for (Disc d : constraining) {
            smallestByOperator.merge(
                    d.operator(), d, (a, b) -> a.angle().radians() <= b.angle().radians() ? a : b);
        }
        List<Disc> perOperator = new ArrayList<>(smallestByOperator.values());
        perOperator.sort(Comparator.comparingDouble(d -> d.angle().radians()));
        if (perOperator.size() <= tolerated) {
            // No point can be excluded by more than F operators: the whole Earth.
            this.anchors = List.of();
            this.boundingCap = S2Cap.full();
            this.bounding = List.of();
            this.caps = new S2Cap[0];
            this.operatorOf = new int[0];
            this.operators = List.of();
            this.provenEmpty = false;
            return;
        }
        List<Disc> anchorDiscs = List.copyOf(perOperator.subList(0, tolerated + 1));
        S2Cap bound = S2Cap.empty();
        for (Disc a : anchorDiscs) {
            bound = bound.addCap(a.cap());
        }
        List<Disc> kept = new ArrayList<>();
        boolean empty = false;
        Disc min = anchorDiscs.get(0);
        for (Disc d : constraining) {
            if (!anchorDiscs.contains(d) && containsAll(d, anchorDiscs)) {
                continue; // excludes no point of the region
            }
            if (tolerated == 0
                    && d.cap().axis().angle(min.cap().axis())
                            > d.angle().radians() + min.angle().radians()) {
                empty = true; // two discs that do not meet
            }
            kept.add(d);
        }
        kept.sort(Comparator.comparingDouble(d -> d.angle().radians()));
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] ops = new int[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            ops[i] = index.computeIfAbsent(kept.get(i).operator(), k -> index.size());
        }
        this.anchors = anchorDiscs;
        this.boundingCap = tolerated == 0 ? min.cap() : bound;
        this.bounding = List.copyOf(kept);
        this.caps = kept.stream().map(Disc::cap).toArray(S2Cap[]::new);
        this.operatorOf = ops;
        this.operators = List.copyOf(index.keySet());
        this.provenEmpty = empty;
    }

    private static boolean containsAll(Disc d, List<Disc> inner) {
        for (Disc a : inner) {
            if (d.cap().axis().angle(a.cap().axis()) + a.angle().radians()
                    > d.angle().radians()) {
                return false;
            }
        }
        return true;
    }

    /** The region of all given discs (every landmark assumed honest). An empty list gives the whole Earth. */
    public static FeasibleRegion of(List<Disc> discs) {
        return new FeasibleRegion(discs, 0);
    }

    /**
     * The points excluded by the discs of at most {@code toleratedLiars} operators: where the
     * device surely is when at most that many operators publish wrong positions.
     *
     * @throws GeoException when {@code toleratedLiars} is outside {@code [0, MAX_TOLERATED]}
     */
    public static FeasibleRegion tolerating(List<Disc> discs, int toleratedLiars) {
        return new FeasibleRegion(discs, toleratedLiars);
    }

    /** How many lying operators the region tolerates (F). */
    public int toleratedLiars() {
        return tolerated;
    }

    /** The discs that may bound the region (the others cannot change it), smallest first. */
    public List<Disc> candidateBoundingDiscs() {
        return bounding;
    }

    /**
     * The smallest discs of the {@code F + 1} operators with the smallest discs: every point of the
     * region lies in at least one of them. Empty when the region is the whole Earth.
     */
    public List<Disc> anchorDiscs() {
        return anchors;
    }

    /** A cap that contains the region: the union of the anchor discs, or the full sphere when nothing constrains. */
    public S2Cap boundingCap() {
        return boundingCap;
    }

    /** An upper bound of the angle (radians) from {@code p} to any point of the region. */
    public double farthestAngleFrom(S2Point p) {
        if (anchors.isEmpty()) {
            return Math.PI;
        }
        if (tolerated == 0) {
            double best = Math.PI;
            for (Disc d : bounding) {
                best = Math.min(best, d.cap().axis().angle(p) + d.angle().radians());
            }
            return best;
        }
        double worst = 0;
        for (Disc d : anchors) {
            worst = Math.max(worst, d.cap().axis().angle(p) + d.angle().radians());
        }
        return Math.min(Math.PI, worst);
    }

    /** True when two discs are disjoint, so the region (F = 0) is certainly empty. */
    boolean provenEmptyByPair() {
        return provenEmpty;
    }

    /** Whether the region contains the point exactly (at most F operators' caps exclude it). */
    public boolean contains(S2Point point) {
        return excludingOperators(point) <= tolerated;
    }

    /** How many operators have a disc that excludes the point (over the discs that may bound the region). */
    public int excludingOperators(S2Point point) {
        boolean[] seen = new boolean[operators.size()];
        int n = 0;
        for (int i = 0; i < caps.length; i++) {
            if (!seen[operatorOf[i]] && !caps[i].contains(point)) {
                seen[operatorOf[i]] = true;
                n++;
            }
        }
        return n;
    }

    int capCount() {
        return caps.length;
    }

    int operatorCount() {
        return operators.size();
    }

    int operatorOf(int capIndex) {
        return operatorOf[capIndex];
    }

    String operatorName(int operatorIndex) {
        return operators.get(operatorIndex);
    }

    S2Cap cap(int i) {
        return caps[i];
    }
}
