package dev.locus.server.verdicts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.region.Disc;
import dev.locus.geo.verdict.Verdict;
import dev.locus.server.LocusServerException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A chip's latest verdict as the next assessment needs it: its id, its verdicts and its bounding
 * discs (kept compact in {@code chip_verdicts.bounding_discs}, so the evidence is not read).
 *
 * @param boundingDiscsJson {@code {"speed_km_per_ms": s, "discs": [{landmark_id, latitude_deg,
 *     longitude_deg, rtt_nanos, max_distance_km}, ...]}}
 * @param windowKey what the verdict was derived from, hashed (see {@link WindowKey}); empty for
 *     verdicts stored before the key existed
 */
record PreviousVerdict(long id, Set<Verdict> verdicts, String boundingDiscsJson, String windowKey) {
    PreviousVerdict {
        verdicts = Set.copyOf(verdicts);
    }

    /** The compact form of a verdict's bounding discs. */
    static String compact(ObjectMapper json, List<Disc> discs, SpeedBound speed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("speed_km_per_ms", speed.kmPerMs());
        m.put("discs", EvidenceJson.discs(discs));
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new LocusServerException("bounding discs are not serialisable: " + e.getMessage(), e);
        }
    }

    /** The compact form taken from a stored verdict's full evidence (rows from before V3). */
    static String fromEvidence(ObjectMapper json, long verdictId, String evidenceJson) {
        try {
            JsonNode root = json.readTree(evidenceJson);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("speed_km_per_ms", root.path("policy").path("speed_km_per_ms").asDouble(SpeedBound.C_KM_PER_MS));
            m.put("discs", root.path("bounding_discs"));
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new LocusServerException(
                    "stored evidence of verdict " + verdictId + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The discs, rebuilt with the speed they were drawn with. */
    List<Disc> discs(ObjectMapper json) {
        try {
            JsonNode root = json.readTree(boundingDiscsJson);
            return EvidenceJson.readDiscs(root.path("discs"), root);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new LocusServerException("bounding discs of verdict " + id + " cannot be read: " + e.getMessage(), e);
        }
    }
}
