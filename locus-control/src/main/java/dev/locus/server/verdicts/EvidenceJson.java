package dev.locus.server.verdicts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.region.Disc;
import dev.locus.geo.region.OperatorShare;
import dev.locus.geo.verdict.Assessment;
import dev.locus.geo.verdict.Evidence;
import dev.locus.geo.verdict.Policy;
import dev.locus.geo.verdict.Reliance;
import dev.locus.server.LocusServerException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A verdict's evidence as stored: the declared site, the policy, the window, every measurement with
 * the receipt behind it, and what the geo core derived (bounding discs, distances, area). Enough to
 * re-derive the verdict from the receipts alone.
 */
final class EvidenceJson {
    private EvidenceJson() {}

    static String of(
            ObjectMapper json, ChipInput in, Policy policy, Assessment a, Instant windowStart, Instant windowEnd) {
        Evidence e = a.evidence();
        Map<String, Object> m = new LinkedHashMap<>();
        GeoPosition site = in.site().position();
        m.put(
                "declared_site",
                Map.of(
                        "id", in.site().id(),
                        "latitude_deg", site.latitudeDegrees(),
                        "longitude_deg", site.longitudeDegrees(),
                        "zone_radius_km", in.site().zoneRadiusKm()));
        m.put(
                "policy",
                Map.of(
                        "restricted", policy.restricted(),
                        "speed_km_per_ms", policy.speed().kmPerMs(),
                        "speed_provable", policy.speed().provable(),
                        "border_margin_km", policy.borderMargin().km(),
                        "tolerated_liars", policy.toleratedLiars(),
                        "tolerated_liars_meaning", policy.toleranceText()));
        m.put("window", Map.of("start", windowStart.toString(), "end", windowEnd.toString()));
        List<Map<String, Object>> ms = new ArrayList<>();
        for (WindowMeasurement w : in.window()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("landmark_id", w.landmarkId());
            x.put("latitude_deg", w.landmarkPosition().latitudeDegrees());
            x.put("longitude_deg", w.landmarkPosition().longitudeDegrees());
            x.put("operator", w.landmarkOperator());
            x.put("position_uncertainty_km", w.landmarkUncertaintyKm());
            x.put("receipt_id", w.receiptId());
            x.put("rtt_min_nanos", w.rttMinNanos());
            x.put("measured_at", w.measuredAt().toString());
            ms.add(x);
        }
        m.put("measurements", ms);
        m.put("bounding_discs", discs(e.boundingDiscs()));
        m.put("measurements_used", e.measurementsUsed());
        m.put("max_distance_from_site_km", e.maxDistanceFromSite().km());
        m.put("area_km2", e.areaKm2());
        m.put("undecided", e.undecided());
        m.put("cells_visited", e.cellsVisited());
        m.put("tolerated_liars", e.toleratedLiars());
        m.put("operators_used", e.operatorsUsed());
        m.put("reliance", reliance(e.reliance()));
        if (!a.honestOnly().isEmpty()) {
            // Proven only if every landmark is honest: shown, never as proven.
            m.put("honest_only", a.honestOnly().stream().map(Enum::name).toList());
            m.put("honest_only_meaning", dependsOn(e.toleratedLiars()) + ": holds only if every landmark is honest");
        }
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new LocusServerException("verdict evidence is not serialisable: " + ex.getMessage(), ex);
        }
    }

    /** How a verdict proven at F = 0 but not at F reads: "depends on one landmark" for F = 1. */
    static String dependsOn(int f) {
        return f == 1 ? "depends on one landmark" : "depends on at most " + f + " landmark operators";
    }

    static List<Map<String, Object>> reliance(List<Reliance> reliance) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Reliance r : reliance) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("verdict", r.verdict().name());
            x.put("excluding_operators", r.excludingOperators());
            List<Map<String, Object>> on = new ArrayList<>();
            for (OperatorShare s : r.restsOn()) {
                on.add(Map.of("operator", s.operator(), "share", Math.round(s.share() * 1000) / 1000.0));
            }
            x.put("rests_on", on);
            out.add(x);
        }
        return out;
    }

    static List<Map<String, Object>> discs(List<Disc> discs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Disc d : discs) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("landmark_id", d.landmarkId());
            x.put("operator", d.operator());
            x.put("latitude_deg", d.center().latitudeDegrees());
            x.put("longitude_deg", d.center().longitudeDegrees());
            x.put("rtt_nanos", d.roundTrip().nanos());
            x.put("max_distance_km", d.maxDistance().km());
            out.add(x);
        }
        return out;
    }

    /**
     * Discs as {@link #discs} wrote them, drawn at the {@code speed_km_per_ms} of {@code speed}
     * (light in fibre when it names none).
     *
     * @throws IllegalArgumentException for a value no disc can have
     */
    static List<Disc> readDiscs(JsonNode discs, JsonNode speed) {
        SpeedBound bound = SpeedBound.ofKmPerMs(speed.path("speed_km_per_ms").asDouble(SpeedBound.C_KM_PER_MS));
        List<Disc> out = new ArrayList<>();
        for (JsonNode d : discs) {
            out.add(Disc.of(
                    d.path("landmark_id").asText(),
                    GeoPosition.ofDegrees(
                            d.path("latitude_deg").asDouble(),
                            d.path("longitude_deg").asDouble()),
                    RoundTrip.ofNanos(d.path("rtt_nanos").asLong()),
                    bound));
        }
        return out;
    }
}
