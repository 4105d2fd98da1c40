package dev.locus.geo.jurisdiction;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2Cell;
import com.google.common.geometry.S2LatLngRect;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2Polygon;
import com.google.common.geometry.S2Region;

/**
 * A polygon grown by a margin: every point within {@code margin} of it. Cell tests are
 * conservative: {@link #mayIntersect} may say yes for a cell slightly beyond the margin (never no
 * for one within it), {@link #contains} answers only for cells inside the polygon itself. Used to
 * absorb the uncertainty of 1:50m borders when proving a region avoids a jurisdiction.
 */
public final class BufferedRegion implements S2Region {

    private final S2Polygon polygon;
    private final double marginRadians;

    public BufferedRegion(S2Polygon polygon, S1Angle margin) {
        this.polygon = polygon;
        this.marginRadians = margin.radians();
    }

    @Override
    public boolean mayIntersect(S2Cell cell) {
        if (polygon.mayIntersect(cell)) {
            return true;
        }
        if (marginRadians <= 0) {
            return false;
        }
        S2Cap bound = cell.getCapBound();
        if (!polygon.getCapBound()
                .interiorIntersects(S2Cap.fromAxisAngle(
                        bound.axis(), S1Angle.radians(bound.angle().radians() + marginRadians)))) {
            return false;
        }
        double toCenter = polygon.getDistance(cell.getCenter()).radians();
        return toCenter <= marginRadians + bound.angle().radians();
    }

    @Override
    public boolean contains(S2Cell cell) {
        return polygon.contains(cell);
    }

    @Override
    public boolean contains(S2Point p) {
        return polygon.getDistance(p).radians() <= marginRadians;
    }

    @Override
    public S2Cap getCapBound() {
        S2Cap b = polygon.getCapBound();
        return S2Cap.fromAxisAngle(
                b.axis(), S1Angle.radians(Math.min(Math.PI, b.angle().radians() + marginRadians)));
    }

    @Override
    public S2LatLngRect getRectBound() {
        return getCapBound().getRectBound();
    }
}
