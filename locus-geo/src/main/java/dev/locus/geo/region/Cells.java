package dev.locus.geo.region;

import com.google.common.geometry.S2Cell;
import com.google.common.geometry.S2CellId;

/** Small helpers shared by the cell searches. */
final class Cells {

    private Cells() {}

    /** The four children of a cell. */
    static S2Cell[] children(S2Cell cell) {
        S2Cell[] out = new S2Cell[4];
        S2CellId c = cell.id().childBegin();
        for (int i = 0; i < 4; i++, c = c.next()) {
            out[i] = new S2Cell(c);
        }
        return out;
    }

    /** {@code [0, 1, ..., n-1]}: every cap still to be checked. */
    static int[] allIndices(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }
}
