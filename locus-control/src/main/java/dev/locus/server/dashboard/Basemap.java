package dev.locus.server.dashboard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.boundaries.NaturalEarth;
import dev.locus.server.LocusServerException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The dashboard's basemap: the Natural Earth 1:50m countries bundled in locus-boundaries, reduced
 * to what a map needs (ISO code, name, whether the jurisdiction is restricted, and the outline with
 * coordinates rounded to 0.01°, about 1 km) and gzipped once. No tile server is ever involved.
 * Immutable after construction; thread-safe.
 */
final class Basemap {
    private final byte[] gzippedGeoJson;
    private final String etag;
    private final int features;

    private Basemap(byte[] gzippedGeoJson, int features) {
        this.gzippedGeoJson = gzippedGeoJson;
        this.etag = etag(gzippedGeoJson);
        this.features = features;
    }

    /**
     * Reads the bundled boundaries.
     *
     * @param restricted ISO 3166-1 alpha-2 codes to mark {@code "restricted": true}
     * @throws LocusServerException when the bundled file is missing or unreadable
     */
    static Basemap bundled(Set<String> restricted) {
        try (InputStream raw = NaturalEarth.class.getResourceAsStream(NaturalEarth.BUNDLED)) {
            if (raw == null) {
                throw new LocusServerException(
                        "bundled boundaries " + NaturalEarth.BUNDLED + " missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(new GZIPInputStream(raw));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            int n = 0;
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes);
                    JsonGenerator g = new JsonFactory().createGenerator(gz)) {
                g.writeStartObject();
                g.writeStringField("type", "FeatureCollection");
                g.writeArrayFieldStart("features");
                for (JsonNode f : root.path("features")) {
                    JsonNode geom = f.path("geometry");
                    String type = geom.path("type").asText();
                    if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
                        continue;
                    }
                    String iso = f.path("properties").path("iso_a2").asText("-99");
                    if (iso.equals("-99")) {
                        iso = f.path("properties").path("iso_a2_eh").asText("-99");
                    }
                    g.writeStartObject();
                    g.writeStringField("type", "Feature");
                    g.writeObjectFieldStart("properties");
                    g.writeStringField("iso_a2", iso);
                    g.writeStringField("name", f.path("properties").path("name").asText(iso));
                    g.writeBooleanField("restricted", restricted.contains(iso));
                    g.writeEndObject();
                    g.writeObjectFieldStart("geometry");
                    g.writeStringField("type", type);
                    g.writeFieldName("coordinates");
                    if (type.equals("Polygon")) {
                        writePolygon(g, geom.path("coordinates"));
                    } else {
                        g.writeStartArray();
                        for (JsonNode poly : geom.path("coordinates")) {
                            writePolygon(g, poly);
                        }
                        g.writeEndArray();
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                    n++;
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            return new Basemap(bytes.toByteArray(), n);
        } catch (IOException e) {
            throw new LocusServerException("cannot read bundled boundaries: " + e.getMessage(), e);
        }
    }

    private static void writePolygon(JsonGenerator g, JsonNode rings) throws IOException {
        g.writeStartArray();
        for (JsonNode ring : rings) {
            g.writeStartArray();
            long lastLon = Long.MIN_VALUE;
            long lastLat = Long.MIN_VALUE;
            int written = 0;
            int last = ring.size() - 1;
            for (int i = 0; i <= last; i++) {
                JsonNode p = ring.get(i);
                long lon = Math.round(p.get(0).asDouble() * 100);
                long lat = Math.round(p.get(1).asDouble() * 100);
                // keep the closing point and every point that moves, so rings stay closed and valid
                if (i != last && written >= 1 && lon == lastLon && lat == lastLat) {
                    continue;
                }
                g.writeStartArray();
                g.writeNumber(lon / 100.0);
                g.writeNumber(lat / 100.0);
                g.writeEndArray();
                lastLon = lon;
                lastLat = lat;
                written++;
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    byte[] gzippedGeoJson() {
        return gzippedGeoJson.clone();
    }

    private static String etag(byte[] body) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + java.util.HexFormat.of().formatHex(d, 0, 16) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    String etag() {
        return etag;
    }

    int features() {
        return features;
    }
}
