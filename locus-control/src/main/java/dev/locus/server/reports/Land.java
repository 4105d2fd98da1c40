package dev.locus.server.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.boundaries.NaturalEarth;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Land outlines for report maps: the rings of the Natural Earth 1:50m admin-0 countries that
 * {@code locus-boundaries} bundles, read once per JVM (about a second) and kept as plain
 * longitude/latitude arrays. Country borders are drawn too, which reads well at report scale.
 * Thread-safe.
 */
public final class Land {
    /** Attribution printed with every map that draws land. */
    public static final String ATTRIBUTION = "Land: Natural Earth 1:50m (public domain).";

    private static volatile List<Ring> rings;

    private Land() {}

    /** One closed ring, longitudes and latitudes interleaved, with its bounding box. */
    public record Ring(double[] lonLat, double minLon, double minLat, double maxLon, double maxLat) {
        public int size() {
            return lonLat.length / 2;
        }

        public double lon(int i) {
            return lonLat[2 * i];
        }

        public double lat(int i) {
            return lonLat[2 * i + 1];
        }
    }

    /** The rings whose bounding box meets the box from (minLon, minLat) to (maxLon, maxLat). */
    public static List<Ring> within(double minLon, double minLat, double maxLon, double maxLat) {
        List<Ring> out = new ArrayList<>();
        for (Ring r : all()) {
            if (r.maxLon >= minLon && r.minLon <= maxLon && r.maxLat >= minLat && r.minLat <= maxLat) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<Ring> all() {
        List<Ring> r = rings;
        if (r == null) {
            synchronized (Land.class) {
                r = rings;
                if (r == null) {
                    rings = r = read();
                }
            }
        }
        return r;
    }

    private static List<Ring> read() {
        try (InputStream raw = NaturalEarth.class.getResourceAsStream(NaturalEarth.BUNDLED)) {
            if (raw == null) {
                throw new IllegalStateException(
                        "bundled boundaries " + NaturalEarth.BUNDLED + " missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(new GZIPInputStream(raw));
            List<Ring> out = new ArrayList<>();
            for (JsonNode f : root.path("features")) {
                JsonNode g = f.path("geometry");
                switch (g.path("type").asText("")) {
                    case "Polygon" -> g.path("coordinates").forEach(ring -> add(ring, out));
                    case "MultiPolygon" -> g.path("coordinates").forEach(p -> p.forEach(ring -> add(ring, out)));
                    default -> {}
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled boundaries " + NaturalEarth.BUNDLED, e);
        }
    }

    private static void add(JsonNode ring, List<Ring> out) {
        int n = ring.size();
        if (n < 3) {
            return;
        }
        double[] ll = new double[2 * n];
        double minLon = Double.POSITIVE_INFINITY, maxLon = Double.NEGATIVE_INFINITY;
        double minLat = Double.POSITIVE_INFINITY, maxLat = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double lon = ring.get(i).get(0).asDouble();
            double lat = ring.get(i).get(1).asDouble();
            ll[2 * i] = lon;
            ll[2 * i + 1] = lat;
            minLon = Math.min(minLon, lon);
            maxLon = Math.max(maxLon, lon);
            minLat = Math.min(minLat, lat);
            maxLat = Math.max(maxLat, lat);
        }
        out.add(new Ring(ll, minLon, minLat, maxLon, maxLat));
    }
}
