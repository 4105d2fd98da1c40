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

    /** What a shape is, with the colours every renderer draws it in (RGB hex). */
    public enum Kind {
        LICENSED_ZONE("licensed zone", "1b7f3b", 0.18),
        DISC("landmark disc (how far light allows)", "4a6fa5", 0.06),
        REGION("where the chip can be", "c0392b", 0.35),
        SITE("licensed site", "1b7f3b", 1),
        LANDMARK("landmark", "1f3a68", 1);

        private final String legend;
        private final String rgbHex;
        private final double fillOpacity;

        Kind(String legend, String rgbHex, double fillOpacity) {
            this.legend = legend;
            this.rgbHex = rgbHex;
            this.fillOpacity = fillOpacity;
        }

        public String legend() {
            return legend;
        }

        /** The stroke and fill colour, six hex digits without '#'. */
        public String rgbHex() {
            return rgbHex;
        }

        /** Fill opacity 0..1 of an area of this kind. */
        public double fillOpacity() {
            return fillOpacity;
        }
    }

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
     * An equirectangular projection (x scaled by the cosine of the middle latitude) that fits
     * every point of the map into a width × height box with a margin, y growing downwards.
     */
    public Projection project(double width, double height, double margin) {
        double minLon = Double.POSITIVE_INFINITY, maxLon = Double.NEGATIVE_INFINITY;
        double minLat = Double.POSITIVE_INFINITY, maxLat = Double.NEGATIVE_INFINITY;
        List<LonLat> all = new ArrayList<>();
        areas.forEach(a -> all.addAll(a.ring()));
        markers.forEach(m -> all.add(m.at()));
        for (LonLat p : all) {
            minLon = Math.min(minLon, p.longitudeDeg());
            maxLon = Math.max(maxLon, p.longitudeDeg());
            minLat = Math.min(minLat, p.latitudeDeg());
            maxLat = Math.max(maxLat, p.latitudeDeg());
        }
        double cos = Math.max(0.1, Math.cos(Math.toRadians((minLat + maxLat) / 2)));
        double spanX = Math.max((maxLon - minLon) * cos, 0.01);
        double spanY = Math.max(maxLat - minLat, 0.01);
        double scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
        double offX = (width - spanX * scale) / 2;
        double offY = (height - spanY * scale) / 2;
        double lon0 = minLon, lat1 = maxLat;
        return p ->
                new double[] {offX + (p.longitudeDeg() - lon0) * cos * scale, offY + (lat1 - p.latitudeDeg()) * scale};
    }

    /** Map coordinates to box coordinates {x, y}. */
    @FunctionalInterface
    public interface Projection {
        double[] apply(LonLat p);
    }
}
