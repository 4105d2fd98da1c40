package dev.locus.geo.region;

import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2Cell;

/**
 * Classifies S2 cells against a {@link FeasibleRegion} by counting, per cell, the operators whose
 * discs exclude the whole cell. A cell is outside the region once more than {@code F} operators
 * exclude it; inside when even counting every operator whose disc only partly covers it, at most
 * {@code F} could exclude a point of it. With {@code F = 0} this is the plain disc test: any
 * excluding disc drops the cell, and a cell is inside when every disc contains it.
 *
 * <p>Holds scratch arrays: one instance per search, not thread-safe.
 */
final class CellClassifier {

    private final FeasibleRegion region;
    private final int tolerated;
    private final int[] excludingMark;
    private final int[] partialMark;
    private int epoch;

    /** Caps that neither contain nor exclude the last cell, of operators not already excluding it. */
    final int[] stillActive;
    /** How many entries of {@link #stillActive} are set. */
    int activeCount;
    /** Operators excluding the last cell (those passed in first), at most {@code F + 1}. */
    final int[] excluding;
    /** How many entries of {@link #excluding} are set. */
    int excludingCount;
    /** Whether the last cell lies wholly in the region. */
    boolean inside;

    CellClassifier(FeasibleRegion region) {
        this.region = region;
        this.tolerated = region.toleratedLiars();
        this.excludingMark = new int[region.operatorCount()];
        this.partialMark = new int[region.operatorCount()];
        this.stillActive = new int[region.capCount()];
        this.excluding = new int[tolerated + 1];
    }

    /**
     * Classifies {@code cell} given its parent's still-active caps and excluding operators.
     *
     * @return false when the cell lies wholly outside the region
     */
    boolean classify(S2Cell cell, int[] active, int[] excludedBefore) {
        epoch++;
        excludingCount = 0;
        for (int op : excludedBefore) {
            excludingMark[op] = epoch;
            excluding[excludingCount++] = op;
        }
        int pending = 0;
        for (int i : active) {
            int op = region.operatorOf(i);
            if (excludingMark[op] == epoch) {
                continue;
            }
            S2Cap cap = region.cap(i);
            if (!cap.mayIntersect(cell)) {
                excludingMark[op] = epoch;
                excluding[excludingCount++] = op;
                if (excludingCount > tolerated) {
                    return false;
                }
            } else if (!cap.contains(cell)) {
                stillActive[pending++] = i;
            }
        }
        int m = 0;
        int partialOperators = 0;
        for (int k = 0; k < pending; k++) {
            int i = stillActive[k];
            int op = region.operatorOf(i);
            if (excludingMark[op] == epoch) {
                continue; // an earlier disc of this operator partly covered the cell, a later one excluded it
            }
            stillActive[m++] = i;
            if (partialMark[op] != epoch) {
                partialMark[op] = epoch;
                partialOperators++;
            }
        }
        activeCount = m;
        inside = excludingCount + partialOperators <= tolerated;
        return true;
    }

    int[] activeCopy() {
        return java.util.Arrays.copyOf(stillActive, activeCount);
    }

    int[] excludingCopy() {
        return excludingCount == 0 ? NONE : java.util.Arrays.copyOf(excluding, excludingCount);
    }

    static final int[] NONE = new int[0];
}
