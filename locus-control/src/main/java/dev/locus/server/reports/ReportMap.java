package dev.locus.server.reports;

import dev.locus.geo.position.GeoPosition;
import java.util.ArrayList;
import java.util.List;

/**
 * A map drawn from geometry, not from tiles: filled areas (the licensed zone, each landmark's disc,
 * the feasible region) and labelled markers (the site, the landmarks), in longitude/latitude
 * degrees. Renderers project it with {@link Projection} and draw the areas in the order given (the
 * widest first reads best). Immutable.
 *
 * @param caption what the map shows, in one sentence
 */
public record ReportMap(String caption, List<Area> areas, List<Marker> markers) {
    public ReportMap {
        areas = List.copyOf(areas);
        markers = List.copyOf(markers);
        if (areas.isEmpty() && markers.isEmpty()) {
            throw new IllegalArgumentException("a report map needs at least one area or marker");
        }
    }

    /** What a shape is, with the style every renderer draws it in. */
    public enum Kind {
        LICENSED_ZONE(new Style("licensed zone", "1b7f3b", 0.18)),
        DISC(new Style("landmark disc (how far light allows)", "4a6fa5", 0.06)),
        REGION(new Style("where the chip can be", "c0392b", 0.35)),
        SITE(new Style("licensed site", "1b7f3b", 1)),
        LANDMARK(new Style("landmark", "1f3a68", 1));

        private final Style style;

        Kind(Style style) {
            this.style = style;
        }

        public Style style() {
            return style;
        }
    }

    /**
     * How a kind of shape is drawn.
     *
     * @param legend its line in the legend
     * @param rgbHex the stroke and fill colour, six hex digits without '#'
     * @param fillOpacity fill opacity 0..1 of an area of this kind
     */
    public record Style(String legend, String rgbHex, double fillOpacity) {}

    /** A point in degrees; longitude may leave [-180, 180] where a ring was unwrapped. */
    public record LonLat(double longitudeDeg, double latitudeDeg) {}

    /** A closed ring. */
    public record Area(Kind kind, String label, List<LonLat> ring) {
        public Area {
            ring = List.copyOf(ring);
            if (ring.size() < 3) {
                throw new IllegalArgumentException("area '" + label + "' needs at least 3 points, got " + ring.size());
            }
        }

        /** A ring from [longitude, latitude] pairs, as the geometry helpers produce. */
        public static Area of(Kind kind, String label, List<double[]> lonLatPairs) {
            List<LonLat> ring = new ArrayList<>(lonLatPairs.size());
            lonLatPairs.forEach(p -> ring.add(new LonLat(p[0], p[1])));
            return new Area(kind, label, ring);
        }
    }

    /** A labelled point. */
    public record Marker(Kind kind, String label, LonLat at) {
        public static Marker of(Kind kind, String label, GeoPosition p) {
            return new Marker(kind, label, new LonLat(p.longitudeDegrees(), p.latitudeDegrees()));
        }
    }

    /** The kinds present, in legend order. */
    public List<Kind> kinds() {
        List<Kind> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            if (areas.stream().anyMatch(a -> a.kind() == k) || markers.stream().anyMatch(m -> m.kind() == k)) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * An equirectangular projection (x scaled by the cosine of the middle latitude) that fits the
     * map's frame into a width × height box with a margin, y growing downwards. The frame is the
     * markers (site, landmarks), the licensed zone and the feasible region; landmark discs, which
     * can be continents wide, are drawn but do not widen the view (renderers clip to the box).
     */
    public Projection project(double width, double height, double margin) {
        return fit(width, height, margin)::apply;
    }

    /**
     * The land in view (see {@link Land}): each ring that meets the box, projected like {@link
     * #project}, with points closer than half a unit to the previous one dropped.
     */
    public List<List<double[]>> land(double width, double height, double margin) {
        Fit f = fit(width, height, margin);
        double k = f.cos * f.scale;
        double minLon = f.lon0;
        double maxLon = f.lon0 + width / k;
        double maxLat = f.lat1;
        double minLat = f.lat1 - height / f.scale;
        List<List<double[]>> out = new ArrayList<>();
        for (Land.Ring r : Land.within(minLon, minLat, maxLon, maxLat)) {
            List<double[]> ring = new ArrayList<>();
            double[] last = null;
            for (int i = 0; i < r.size(); i++) {
                double[] xy = f.apply(new LonLat(r.lon(i), r.lat(i)));
                if (last == null || Math.abs(xy[0] - last[0]) + Math.abs(xy[1] - last[1]) >= 0.5) {
                    ring.add(xy);
                    last = xy;
                }
            }
            if (ring.size() >= 3) {
                out.add(ring);
            }
        }
        return out;
    }

    private Fit fit(double width, double height, double margin) {
        List<LonLat> frame = new ArrayList<>();
        areas.stream()
                .filter(a -> a.kind() == Kind.REGION || a.kind() == Kind.LICENSED_ZONE)
                .forEach(a -> frame.addAll(a.ring()));
        markers.forEach(m -> frame.add(m.at()));
        if (frame.isEmpty()) {
            areas.forEach(a -> frame.addAll(a.ring()));
        }
        double minLon = Double.POSITIVE_INFINITY, maxLon = Double.NEGATIVE_INFINITY;
        double minLat = Double.POSITIVE_INFINITY, maxLat = Double.NEGATIVE_INFINITY;
        for (LonLat p : frame) {
            minLon = Math.min(minLon, p.longitudeDeg());
            maxLon = Math.max(maxLon, p.longitudeDeg());
            minLat = Math.min(minLat, p.latitudeDeg());
            maxLat = Math.max(maxLat, p.latitudeDeg());
        }
        double cos = Math.max(0.1, Math.cos(Math.toRadians((minLat + maxLat) / 2)));
        // at least half a degree each way, so a lone site still shows the coast around it
        double spanX = Math.max((maxLon - minLon) * cos, 0.5 * cos);
        double spanY = Math.max(maxLat - minLat, 0.5);
        double scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
        double midLon = (minLon + maxLon) / 2, midLat = (minLat + maxLat) / 2;
        double lon0 = midLon - width / 2 / (cos * scale);
        double lat1 = midLat + height / 2 / scale;
        return new Fit(lon0, lat1, cos, scale);
    }

    /** A fitted projection: x = (lon − lon0)·cos·scale, y = (lat1 − lat)·scale; (lon0, lat1) is the top left. */
    private record Fit(double lon0, double lat1, double cos, double scale) {
        double[] apply(LonLat p) {
            return new double[] {(p.longitudeDeg() - lon0) * cos * scale, (lat1 - p.latitudeDeg()) * scale};
        }
    }

    /** Map coordinates to box coordinates {x, y}. */
    @FunctionalInterface
    public interface Projection {
        double[] apply(LonLat p);
    }
}
