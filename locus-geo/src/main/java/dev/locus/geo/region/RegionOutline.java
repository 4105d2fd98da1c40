package dev.locus.geo.region;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2Point;
import dev.locus.geo.position.GeoPosition;
import java.util.ArrayList;
import java.util.List;

/**
 * The boundary of a feasible region for drawing: the arcs of the bounding discs' circles where
 * crossing the circle changes whether a point is in the region (with {@code F = 0}: the arcs
 * inside every other disc; with {@code F > 0}: where exactly {@code F} other operators, and no
 * other disc of the circle's own operator, exclude the point). Sampled, so it is a picture of the region, never evidence for a
 * verdict. Stateless and thread-safe.
 */
public final class RegionOutline {

    private RegionOutline() {}

    /**
     * Boundary arcs, each a polyline of positions in order along its circle.
     *
     * @param samplesPerDisc points sampled on each bounding circle (at least 8)
     */
    public static List<List<GeoPosition>> arcs(FeasibleRegion region, int samplesPerDisc) {
        if (samplesPerDisc < 8) {
            throw new IllegalArgumentException("samplesPerDisc must be >= 8, got " + samplesPerDisc);
        }
        List<Disc> discs = region.candidateBoundingDiscs();
        List<List<GeoPosition>> arcs = new ArrayList<>();
        for (int d = 0; d < discs.size(); d++) {
            List<S2Point> circle = circle(discs.get(d).cap(), samplesPerDisc);
            List<GeoPosition> current = new ArrayList<>();
            List<List<GeoPosition>> mine = new ArrayList<>();
            for (S2Point p : circle) {
                if (onBoundary(discs, d, p, region.toleratedLiars())) {
                    current.add(GeoPosition.of(p));
                } else if (!current.isEmpty()) {
                    mine.add(current);
                    current = new ArrayList<>();
                }
            }
            if (!current.isEmpty()) {
                // The circle closes: join the last run onto the first when both touch the seam.
                if (!mine.isEmpty() && onBoundary(discs, d, circle.get(0), region.toleratedLiars())) {
                    current.addAll(mine.remove(0));
                }
                mine.add(current);
            }
            for (List<GeoPosition> arc : mine) {
                if (arc.size() >= 2) {
                    arcs.add(List.copyOf(arc));
                }
            }
        }
        return arcs;
    }

    /** The circle of a cap as sample points, counter-clockwise, the first repeated at the end. */
    public static List<S2Point> circle(S2Cap cap, int samples) {
        S2Point axis = cap.axis();
        S2Point ref = Math.abs(axis.getZ()) < 0.9 ? new S2Point(0, 0, 1) : new S2Point(1, 0, 0);
        S2Point u = S2Point.normalize(S2Point.crossProd(axis, ref));
        S2Point v = S2Point.crossProd(axis, u);
        double r = cap.angle().radians();
        List<S2Point> out = new ArrayList<>(samples + 1);
        for (int i = 0; i <= samples; i++) {
            double t = 2 * Math.PI * i / samples;
            S2Point dir = S2Point.add(S2Point.mul(u, Math.cos(t)), S2Point.mul(v, Math.sin(t)));
            out.add(S2Point.normalize(S2Point.add(S2Point.mul(axis, Math.cos(r)), S2Point.mul(dir, Math.sin(r)))));
        }
        return out;
    }

    private static boolean onBoundary(List<Disc> discs, int skip, S2Point p, int tolerated) {
        String own = discs.get(skip).operator();
        java.util.Set<String> excluding = new java.util.HashSet<>();
        for (int k = 0; k < discs.size(); k++) {
            if (k != skip) {
                S2Cap c = discs.get(k).cap();
                // A hair of slack so points on two circles at once count as inside both.
                if (c.axis().angle(p)
                        > c.angle().radians() + S1Angle.radians(1e-9).radians()) {
                    String op = discs.get(k).operator();
                    if (op.equals(own)) {
                        return false;
                    }
                    excluding.add(op);
                    if (excluding.size() > tolerated) {
                        return false;
                    }
                }
            }
        }
        return excluding.size() == tolerated;
    }
}
