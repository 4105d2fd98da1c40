package dev.locus.geo.region;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2;
import com.google.common.geometry.S2Cell;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2Projections;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A set of S2 cells that covers a feasible region (every point of the region lies in some cell),
 * refined level by level up to a cell budget. Used for the region's extent: an upper bound of the
 * distance from a site, an upper bound of the area, and the discs whose boundaries cut the region.
 *
 * @param cells covering cells
 * @param coveringSteradians area of all covering cells (an upper bound of the region's area)
 * @param boundingDiscs discs whose boundary crosses some covering cell, i.e. that shape the region
 */
public record Coverage(List<S2Cell> cells, double coveringSteradians, List<Disc> boundingDiscs) {

    /** Finest level a covering refines to (cells of about 10 m): extents need no more. */
    private static final int MAX_LEVEL = 20;

    /**
     * Covers the region with cells no coarser than needed to describe it to about a tenth of its
     * size, and at most about {@code maxCells} cells.
     */
    public static Coverage of(FeasibleRegion region, int maxCells) {
        S1Angle size = region.boundingCap().angle();
        int targetLevel =
                Math.min(MAX_LEVEL, S2Projections.PROJ.maxDiag.getMinLevel(Math.max(1e-7, size.radians() / 10)));
        int capCount = region.capCount();
        int[] all = Cells.allIndices(capCount);
        List<S2Cell> level = new ArrayList<>();
        List<int[]> levelActive = new ArrayList<>();
        List<int[]> levelExcluding = new ArrayList<>();
        for (int face = 0; face < 6; face++) {
            level.add(S2Cell.fromFace(face));
            levelActive.add(all);
            levelExcluding.add(CellClassifier.NONE);
        }
        CellClassifier classifier = new CellClassifier(region);
        List<S2Cell> done = new ArrayList<>();
        List<int[]> doneActive = new ArrayList<>();
        while (!level.isEmpty()) {
            List<S2Cell> next = new ArrayList<>();
            List<int[]> nextActive = new ArrayList<>();
            List<int[]> nextExcluding = new ArrayList<>();
            boolean refine = level.get(0).level() < targetLevel;
            for (int k = 0; k < level.size(); k++) {
                S2Cell cell = level.get(k);
                if (!classifier.classify(cell, levelActive.get(k), levelExcluding.get(k))) {
                    continue;
                }
                int[] active = classifier.activeCopy();
                int[] excluding = classifier.excludingCopy();
                if (classifier.inside || !refine) {
                    done.add(cell);
                    doneActive.add(active);
                } else {
                    for (S2Cell child : Cells.children(cell)) {
                        next.add(child);
                        nextActive.add(active);
                        nextExcluding.add(excluding);
                    }
                }
            }
            if (done.size() + next.size() > maxCells && !next.isEmpty()) {
                // Out of budget: keep the parents of the pending children instead of refining them.
                for (int k = 0; k < next.size(); k += 4) {
                    done.add(new S2Cell(next.get(k).id().parent()));
                    doneActive.add(nextActive.get(k));
                }
                break;
            }
            level = next;
            levelActive = nextActive;
            levelExcluding = nextExcluding;
        }
        double covering = 0;
        BitSet bounding = new BitSet(capCount);
        for (int k = 0; k < done.size(); k++) {
            covering += done.get(k).exactArea();
            for (int i : doneActive.get(k)) {
                bounding.set(i);
            }
        }
        List<Disc> discs = new ArrayList<>();
        for (int i = bounding.nextSetBit(0); i >= 0; i = bounding.nextSetBit(i + 1)) {
            discs.add(region.candidateBoundingDiscs().get(i));
        }
        return new Coverage(List.copyOf(done), covering, List.copyOf(discs));
    }

    /** The largest angle from {@code point} to any point of the covering (an upper bound for the region). */
    public S1Angle maxAngleFrom(S2Point point) {
        double max = 0;
        for (S2Cell cell : cells) {
            max = Math.max(max, cell.getMaxDistance(point).toAngle().radians());
        }
        return S1Angle.radians(Math.min(max, S2.M_PI));
    }
}
