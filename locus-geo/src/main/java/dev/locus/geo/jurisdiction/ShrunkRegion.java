package dev.locus.geo.jurisdiction;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2Cell;
import com.google.common.geometry.S2LatLngRect;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2Polygon;
import com.google.common.geometry.S2Region;

/**
 * A polygon shrunk by a margin: the points farther than {@code margin} from its outside. Built as
 * the complement of the buffered complement. {@link #contains} is conservative (a cell counts as
 * inside only when it is surely more than the margin from the border); {@link #mayIntersect}
 * answers for the unshrunk polygon, a superset. Used when proving a region lies inside a
 * jurisdiction despite border uncertainty.
 */
public final class ShrunkRegion implements S2Region {

    private final S2Polygon polygon;
    private final BufferedRegion bufferedComplement;

    public ShrunkRegion(S2Polygon polygon, S1Angle margin) {
        this.polygon = polygon;
        S2Polygon complement = new S2Polygon();
        complement.initToComplement(polygon);
        this.bufferedComplement = new BufferedRegion(complement, margin);
    }

    @Override
    public boolean contains(S2Cell cell) {
        return polygon.contains(cell) && !bufferedComplement.mayIntersect(cell);
    }

    @Override
    public boolean mayIntersect(S2Cell cell) {
        return polygon.mayIntersect(cell);
    }

    @Override
    public boolean contains(S2Point p) {
        return polygon.contains(p) && !bufferedComplement.contains(p);
    }

    @Override
    public S2Cap getCapBound() {
        return polygon.getCapBound();
    }

    @Override
    public S2LatLngRect getRectBound() {
        return polygon.getRectBound();
    }
}
