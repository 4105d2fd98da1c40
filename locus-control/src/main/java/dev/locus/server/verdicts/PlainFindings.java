package dev.locus.server.verdicts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.geo.position.GeoPosition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A verdict in words, sentence first and numbers second, computed from its stored evidence: each
 * landmark's disc (its bound {@code max_distance_km}, derived by the geo core from the round trip,
 * the policy's speed and the landmark's position uncertainty) and the WGS84 geodesic distance from
 * the landmark to the licensed site. Upper bounds are rounded up and lower bounds down, so every
 * number shown stays true. Stateless.
 */
public final class PlainFindings {
    private PlainFindings() {}

    /**
     * What one verdict says.
     *
     * @param title a short statement of the conclusion, e.g. "Chip X is outside its licensed zone"
     * @param conclusion one or two sentences for a person who reads nothing else
     * @param landmarks one sentence per landmark whose answer bounds the region, most telling first
     */
    public record Finding(String headline, String title, String conclusion, List<String> landmarks) {
        public Finding {
            landmarks = List.copyOf(landmarks);
        }
    }

    /** The chip's licensed site as a sentence names it. */
    public record SiteRef(String name, GeoPosition position, double zoneRadiusKm) {}

    /**
     * @param storedVerdicts the verdict set as stored (comma-separated), empty when never assessed
     * @param evidence the verdict's evidence JSON (missing node when never assessed)
     * @param landmarkName a landmark's display name by id (the id itself when unknown)
     */
    public static Finding of(
            String serial,
            String storedVerdicts,
            JsonNode evidence,
            SiteRef site,
            Function<String, String> landmarkName) {
        Headline h = storedVerdicts.isEmpty() && evidence.isMissingNode()
                ? Headline.NO_VERDICT
                : Headline.of(storedVerdicts);
        List<Bound> bounds = bounds(evidence, site, landmarkName);
        List<String> sentences = bounds.stream().map(b -> b.sentence(site)).toList();
        int n = evidence.path("measurements").size();
        String answered = "it answered " + count(n, "landmark");
        String chip = "Chip " + serial;
        String zone = "its licensed zone (" + kmUp(site.zoneRadiusKm()) + " around " + site.name() + ")";
        return switch (h) {
            case IN_ZONE ->
                new Finding(
                        h.name(),
                        chip + " is at its licensed site",
                        chip + " is inside " + zone + ": " + answered
                                + " fast enough that every place it can be lies within "
                                + kmUp(evidence.path("max_distance_from_site_km")
                                        .asDouble()) + " of "
                                + site.name() + ".",
                        sentences);
            case OUTSIDE_ZONE ->
                new Finding(
                        h.name(),
                        chip + " is outside its licensed zone",
                        chip + " is not at its licensed site " + site.name() + ": "
                                + bounds.stream()
                                        .findFirst()
                                        .map(b -> b.sentence(site))
                                        .orElse(answered + ".")
                                + " Light in vacuum cannot cover that distance in the time measured.",
                        sentences);
            case IN_RESTRICTED ->
                new Finding(
                        h.name(),
                        chip + " is inside a restricted jurisdiction",
                        chip + " is inside a restricted jurisdiction ("
                                + String.join(
                                        ", ", texts(evidence.path("policy").path("restricted")))
                                + "): every place it can be, given how fast " + answered + ", lies there. "
                                + bounds.stream()
                                        .findFirst()
                                        .map(b -> b.sentence(site))
                                        .orElse(""),
                        sentences);
            case INCONSISTENT ->
                new Finding(
                        h.name(),
                        chip + " answers from places that do not fit together",
                        chip + "'s answers fit no single place: no point on Earth is close enough to all "
                                + count(n, "landmark") + " it answered. Either two devices answer with its identity"
                                + " (a copied key), or a landmark's position or clock is wrong.",
                        sentences);
            case EXCLUDES_RESTRICTED ->
                new Finding(
                        h.name(),
                        chip + " is outside every restricted jurisdiction",
                        chip + " is proven outside every restricted jurisdiction, but not inside " + zone + ": "
                                + answered + ", too few or too far to narrow it further.",
                        sentences);
            case NO_VERDICT ->
                new Finding(
                        h.name(),
                        chip + " has not been located yet",
                        chip + " has no verdict yet: no landmark"
                                + " has measured it in a window the control plane assessed.",
                        List.of());
            case INCONCLUSIVE ->
                new Finding(
                        h.name(),
                        "Where chip " + serial + " is cannot be decided",
                        "Where chip " + serial + " is cannot be decided: " + answered
                                + ", too few or too far from it to prove anything.",
                        sentences);
        };
    }

    /** What one landmark's answer proves. */
    private record Bound(String landmark, long rttNanos, double withinKm, double siteDistanceKm) {
        double atLeastFromSiteKm() {
            return siteDistanceKm - withinKm;
        }

        String sentence(SiteRef site) {
            String s = "it answered " + landmark + " in " + ms(rttNanos) + ", so it is within " + kmUp(withinKm)
                    + " of " + landmark;
            double atLeast = atLeastFromSiteKm();
            if (atLeast > 0) {
                return s + ", at least " + kmDown(atLeast) + " from its licensed site " + site.name() + ".";
            }
            return s + ", a distance that includes its licensed site " + site.name() + ".";
        }
    }

    /** Bounding discs, the one farthest from the site first (it tells the most). */
    private static List<Bound> bounds(JsonNode evidence, SiteRef site, Function<String, String> landmarkName) {
        List<Bound> out = new ArrayList<>();
        for (JsonNode d : evidence.path("bounding_discs")) {
            GeoPosition centre = GeoPosition.ofDegrees(
                    d.path("latitude_deg").asDouble(), d.path("longitude_deg").asDouble());
            out.add(new Bound(
                    landmarkName.apply(d.path("landmark_id").asText()),
                    d.path("rtt_nanos").asLong(),
                    d.path("max_distance_km").asDouble(),
                    centre.geodesicDistanceTo(site.position()).km()));
        }
        out.sort(Comparator.comparingDouble(Bound::atLeastFromSiteKm).reversed());
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** How a sentence names a landmark: "the Hong Kong landmark (lm-hk)", or "landmark lm-hk" without a name. */
    public static String landmarkLabel(String id, java.util.Optional<String> name) {
        return name.filter(n -> !n.isBlank() && !n.equals(id))
                .map(n -> "the " + n + (n.toLowerCase(Locale.ROOT).endsWith("landmark") ? "" : " landmark") + " (" + id
                        + ")")
                .orElse("landmark " + id);
    }

    /** "1 landmark", "2 landmarks". */
    public static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d", n) + " " + (n == 1 ? noun : noun + "s");
    }

    /** A round trip in milliseconds to two significant digits at least: "0.77 ms", "12.4 ms", "153 ms". */
    public static String ms(long nanos) {
        double ms = nanos / 1e6;
        int decimals = ms < 1 ? 2 : ms < 10 ? 2 : ms < 100 ? 1 : 0;
        return String.format(Locale.ROOT, "%,." + decimals + "f ms", ms);
    }

    /** A distance bound rounded up: "8.5 km", "115 km", "2,480 km" (tens above 1,000 km). */
    public static String kmUp(double km) {
        return km(km, RoundingMode.CEILING);
    }

    /** A lower bound on a distance rounded down, so it stays true. */
    public static String kmDown(double km) {
        return km(km, RoundingMode.FLOOR);
    }

    private static String km(double km, RoundingMode mode) {
        BigDecimal v = BigDecimal.valueOf(km);
        if (km < 10) {
            v = v.setScale(1, mode);
        } else if (km < 1000) {
            v = v.setScale(0, mode);
        } else {
            v = v.movePointLeft(1).setScale(0, mode).movePointRight(1);
        }
        return String.format(Locale.ROOT, km < 10 ? "%,.1f km" : "%,.0f km", v.doubleValue());
    }
}
