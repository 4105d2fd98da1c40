package dev.locus.boundaries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.geo.GeoException;
import dev.locus.geo.jurisdiction.Jurisdiction;
import dev.locus.geo.jurisdiction.Jurisdictions;
import dev.locus.geo.position.GeoPosition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads country boundaries from Natural Earth admin-0 GeoJSON (a FeatureCollection of Polygon and
 * MultiPolygon features with an {@code iso_a2} property) into {@link Jurisdictions}. The 1:50m
 * file ships inside this module, so {@link #bundled()} needs no file system. Features whose
 * {@code iso_a2} is {@code -99} (disputed units) are not addressable by code and are skipped.
 */
public final class NaturalEarth {

    /** The bundled file's resource name. */
    public static final String BUNDLED = "ne_50m_admin_0_countries.geojson.gz";

    private static volatile Jurisdictions bundled;

    private NaturalEarth() {}

    /** The bundled Natural Earth 1:50m countries, read once per JVM. */
    public static Jurisdictions bundled() {
        Jurisdictions j = bundled;
        if (j == null) {
            synchronized (NaturalEarth.class) {
                j = bundled;
                if (j == null) {
                    try (InputStream in = NaturalEarth.class.getResourceAsStream(BUNDLED)) {
                        if (in == null) {
                            throw new IllegalStateException(
                                    "bundled boundaries " + BUNDLED + " missing from the classpath");
                        }
                        bundled = j = read(new GZIPInputStream(in), BUNDLED);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read bundled boundaries " + BUNDLED, e);
                    }
                }
            }
        }
        return j;
    }

    /** Reads a GeoJSON file (optionally gzipped, by a {@code .gz} suffix). */
    public static Jurisdictions read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            return read(in, file.toString());
        }
    }

    /**
     * Reads a FeatureCollection.
     *
     * @param source named in error messages
     * @throws GeoException naming the source, the feature and the field when the document is not
     *     a valid Natural Earth admin-0 collection
     */
    public static Jurisdictions read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new GeoException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new GeoException(source + ": expected a GeoJSON FeatureCollection at the top level");
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw new GeoException(source + ": 'features' must be an array");
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<List<GeoPosition>>> rings = new LinkedHashMap<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            String where = source + ": feature " + i;
            String iso = f.path("properties").path("iso_a2").asText("");
            if (iso.equals("-99")) {
                continue;
            }
            if (!iso.matches("[A-Za-z]{2}")) {
                throw new GeoException(where + ": properties.iso_a2 must be two letters or -99, got '" + iso + "'");
            }
            iso = iso.toUpperCase(java.util.Locale.ROOT);
            names.putIfAbsent(iso, f.path("properties").path("name").asText(iso));
            JsonNode geometry = f.path("geometry");
            String type = geometry.path("type").asText("");
            JsonNode coords = geometry.path("coordinates");
            List<List<GeoPosition>> mine = rings.computeIfAbsent(iso, k -> new ArrayList<>());
            switch (type) {
                case "Polygon" -> addPolygon(coords, mine, where + " (" + iso + ") geometry.coordinates");
                case "MultiPolygon" -> {
                    for (int p = 0; p < coords.size(); p++) {
                        addPolygon(coords.get(p), mine, where + " (" + iso + ") geometry.coordinates[" + p + "]");
                    }
                }
                default ->
                    throw new GeoException(where + " (" + iso
                            + "): geometry.type must be Polygon or MultiPolygon, got '" + type + "'");
            }
        }
        List<Jurisdiction> list = new ArrayList<>();
        rings.forEach((iso, r) -> list.add(Jurisdiction.fromRings(iso, names.get(iso), r)));
        return Jurisdictions.of(list);
    }

    /** Snaps values within 1e-9 degrees past a limit (rounding noise in the source) onto it. */
    private static double clamp(double degrees, double limit) {
        if (Math.abs(degrees) > limit && Math.abs(degrees) <= limit + 1e-9) {
            return Math.copySign(limit, degrees);
        }
        return degrees;
    }

    private static void addPolygon(JsonNode polygon, List<List<GeoPosition>> out, String where) {
        if (!polygon.isArray() || polygon.isEmpty()) {
            throw new GeoException(where + ": a polygon must be a non-empty array of rings");
        }
        for (int r = 0; r < polygon.size(); r++) {
            JsonNode ring = polygon.get(r);
            if (!ring.isArray() || ring.size() < 4) {
                throw new GeoException(where + "[" + r + "]: a ring needs at least 4 positions");
            }
            List<GeoPosition> pts = new ArrayList<>(ring.size());
            for (int k = 0; k < ring.size(); k++) {
                JsonNode pos = ring.get(k);
                if (!pos.isArray()
                        || pos.size() < 2
                        || !pos.get(0).isNumber()
                        || !pos.get(1).isNumber()) {
                    throw new GeoException(where + "[" + r + "][" + k + "]: a position must be [longitude, latitude]");
                }
                try {
                    pts.add(GeoPosition.ofDegrees(
                            clamp(pos.get(1).asDouble(), 90), clamp(pos.get(0).asDouble(), 180)));
                } catch (GeoException e) {
                    throw new GeoException(where + "[" + r + "][" + k + "]: " + e.getMessage(), e);
                }
            }
            out.add(pts);
        }
    }
}
