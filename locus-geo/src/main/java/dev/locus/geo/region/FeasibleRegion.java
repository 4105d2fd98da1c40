package dev.locus.geo.region;

import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2Cell;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The intersection of discs: every place consistent with all measurements. Held as the discs
 * themselves, never as a polygon, so no approximation enters the region; questions about it are
 * answered exactly by {@link RegionRelations} through S2 cell tests.
 *
 * <p>Discs that surely contain the whole region (they contain the smallest disc) are dropped as
 * redundant; the rest are ordered smallest first, which rejects cells soonest. Immutable and
 * thread-safe.
 */
public final class FeasibleRegion {

    /** Cell status relative to the region. */
    enum CellStatus {
        OUTSIDE,
        INSIDE,
        PARTIAL
    }

    private final List<Disc> bounding;
    private final S2Cap[] caps;
    private final Disc smallest;
    private final boolean provenEmpty;

    private FeasibleRegion(List<Disc> discs) {
        List<Disc> constraining = discs.stream().filter(d -> !d.coversEarth()).toList();
        if (constraining.isEmpty()) {
            this.smallest = null;
            this.bounding = List.of();
            this.caps = new S2Cap[0];
            this.provenEmpty = false;
            return;
        }
        Disc min = constraining.stream()
                .min(Comparator.comparingDouble(d -> d.angle().radians()))
                .orElseThrow();
        double r0 = min.angle().radians();
        List<Disc> kept = new ArrayList<>();
        boolean empty = false;
        for (Disc d : constraining) {
            double between = d.cap().axis().angle(min.cap().axis());
            double r = d.angle().radians();
            if (d != min && between + r0 <= r) {
                continue; // contains the smallest disc, hence the region
            }
            if (between > r + r0) {
                empty = true; // two discs that do not meet
            }
            kept.add(d);
        }
        kept.sort(Comparator.comparingDouble(d -> d.angle().radians()));
        this.smallest = min;
        this.bounding = List.copyOf(kept);
        this.caps = kept.stream().map(Disc::cap).toArray(S2Cap[]::new);
        this.provenEmpty = empty;
    }

    /** The region of all given discs. An empty list gives the whole Earth. */
    public static FeasibleRegion of(List<Disc> discs) {
        return new FeasibleRegion(discs);
    }

    /** The discs that may bound the region (the others contain it), smallest first. */
    public List<Disc> candidateBoundingDiscs() {
        return bounding;
    }

    /** A cap that contains the region: the smallest disc's, or the full sphere when nothing constrains. */
    public S2Cap boundingCap() {
        return smallest == null ? S2Cap.full() : smallest.cap();
    }

    /** True when two discs are disjoint, so the region is certainly empty. */
    boolean provenEmptyByPair() {
        return provenEmpty;
    }

    /** Whether the region contains the point exactly (all discs' caps contain it). */
    public boolean contains(com.google.common.geometry.S2Point point) {
        for (S2Cap cap : caps) {
            if (!cap.contains(point)) {
                return false;
            }
        }
        return true;
    }

    int capCount() {
        return caps.length;
    }

    S2Cap cap(int i) {
        return caps[i];
    }

    /**
     * Classifies a cell against the caps listed in {@code active[0..n)} (caps not listed are known
     * to contain the cell). Writes the indices of caps that do not contain the cell to {@code
     * stillActive} and returns how many, or -1 when some cap excludes the cell.
     */
    int classify(S2Cell cell, int[] active, int n, int[] stillActive) {
        int m = 0;
        for (int k = 0; k < n; k++) {
            int i = active[k];
            S2Cap cap = caps[i];
            if (!cap.mayIntersect(cell)) {
                return -1;
            }
            if (!cap.contains(cell)) {
                stillActive[m++] = i;
            }
        }
        return m;
    }
}
