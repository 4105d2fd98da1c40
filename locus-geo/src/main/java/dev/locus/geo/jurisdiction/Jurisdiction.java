package dev.locus.geo.jurisdiction;

import com.google.common.geometry.S2Loop;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2Polygon;
import com.google.common.geometry.S2PolygonBuilder;
import dev.locus.geo.GeoException;
import dev.locus.geo.position.GeoPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A country or territory (ISO 3166-1 alpha-2 code) and its area on the sphere. The polygon is
 * assembled from boundary rings on first use: every ring's edges are added undirected with XOR
 * semantics, so outer rings, holes and islands need no particular orientation, and shared edges
 * cancel. Rings are interpreted with geodesic edges between their vertices (at 1:50m vertex
 * spacing this departs from the source's straight lat/lon lines by metres). Thread-safe.
 */
public final class Jurisdiction {

    private final String code;
    private final String name;
    private final Supplier<S2Polygon> polygon;

    private Jurisdiction(String code, String name, Supplier<S2Polygon> polygon) {
        this.code = code;
        this.name = name;
        this.polygon = polygon;
    }

    /**
     * A jurisdiction from its boundary rings (each a closed or open list of positions; a closing
     * vertex equal to the first is ignored).
     *
     * @throws GeoException when the code is not two upper-case letters or a ring has fewer than 3
     *     distinct vertices
     */
    public static Jurisdiction fromRings(String code, String name, List<List<GeoPosition>> rings) {
        String iso = validateCode(code);
        if (rings.isEmpty()) {
            throw new GeoException("jurisdiction " + iso + " has no boundary rings");
        }
        List<List<S2Point>> loops = new ArrayList<>();
        for (int r = 0; r < rings.size(); r++) {
            List<S2Point> pts = new ArrayList<>();
            for (GeoPosition p : rings.get(r)) {
                S2Point s = p.toS2Point();
                if (pts.isEmpty() || !pts.get(pts.size() - 1).equalsPoint(s)) {
                    pts.add(s);
                }
            }
            if (pts.size() > 1 && pts.get(0).equalsPoint(pts.get(pts.size() - 1))) {
                pts.remove(pts.size() - 1);
            }
            if (pts.size() < 3) {
                throw new GeoException("jurisdiction " + iso + " ring " + r + " has fewer than 3 distinct vertices");
            }
            loops.add(pts);
        }
        return new Jurisdiction(iso, name, memoize(() -> assemble(iso, loops)));
    }

    static String validateCode(String code) {
        String iso = code.strip().toUpperCase(Locale.ROOT);
        if (!iso.matches("[A-Z]{2}")) {
            throw new GeoException("jurisdiction code must be ISO 3166-1 alpha-2 (two letters), got '" + code + "'");
        }
        return iso;
    }

    private static S2Polygon assemble(String iso, List<List<S2Point>> loops) {
        S2PolygonBuilder builder = new S2PolygonBuilder(S2PolygonBuilder.Options.UNDIRECTED_XOR);
        for (List<S2Point> loop : loops) {
            for (int i = 0; i < loop.size(); i++) {
                builder.addEdge(loop.get(i), loop.get((i + 1) % loop.size()));
            }
        }
        S2Polygon polygon = new S2Polygon();
        List<com.google.common.geometry.S2Edge> unused = new ArrayList<>();
        builder.assemblePolygon(polygon, unused);
        if (polygon.numLoops() == 0) {
            throw new GeoException("jurisdiction " + iso + ": boundary rings do not form a polygon");
        }
        for (S2Loop l : polygon.getLoops()) {
            if (!l.isValid()) {
                throw new GeoException("jurisdiction " + iso + ": boundary forms an invalid loop");
            }
        }
        return polygon;
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            value = v = s.get();
                        }
                    }
                }
                return v;
            }
        };
    }

    /** ISO 3166-1 alpha-2 code, upper case. */
    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    /** The area as an S2 polygon (built on first call). */
    public S2Polygon polygon() {
        return polygon.get();
    }

    public boolean contains(GeoPosition position) {
        return polygon().contains(position.toS2Point());
    }

    @Override
    public String toString() {
        return code + " (" + name + ")";
    }
}
