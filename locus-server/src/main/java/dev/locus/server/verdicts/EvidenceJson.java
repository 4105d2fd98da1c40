package dev.locus.server.verdicts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.region.Disc;
import dev.locus.geo.verdict.Evidence;
import dev.locus.geo.verdict.Policy;
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
            ObjectMapper json, ChipInput in, Policy policy, Evidence e, Instant windowStart, Instant windowEnd) {
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
                        "border_margin_km", policy.borderMargin().km()));
        m.put("window", Map.of("start", windowStart.toString(), "end", windowEnd.toString()));
        List<Map<String, Object>> ms = new ArrayList<>();
        for (WindowMeasurement w : in.window()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("landmark_id", w.landmarkId());
            x.put("latitude_deg", w.landmarkPosition().latitudeDegrees());
            x.put("longitude_deg", w.landmarkPosition().longitudeDegrees());
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
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new LocusServerException("verdict evidence is not serialisable: " + ex.getMessage(), ex);
        }
    }

    static List<Map<String, Object>> discs(List<Disc> discs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Disc d : discs) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("landmark_id", d.landmarkId());
            x.put("latitude_deg", d.center().latitudeDegrees());
            x.put("longitude_deg", d.center().longitudeDegrees());
            x.put("rtt_nanos", d.roundTrip().nanos());
            x.put("max_distance_km", d.maxDistance().km());
            out.add(x);
        }
        return out;
    }
}
