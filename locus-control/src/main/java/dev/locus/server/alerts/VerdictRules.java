package dev.locus.server.alerts;

import dev.locus.server.verdicts.VerdictEvent;
import dev.locus.server.verdicts.VerdictListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The alert rules fed by verdict events, for wiring them to the verdict engine in one call. */
public final class VerdictRules {
    private VerdictRules() {}

    /**
     * IN_RESTRICTED, OUTSIDE_ZONE and MOVED, each raising through {@code alerts}, in the order the
     * verdict engine raised them: the proven violations, then those that hold only if every landmark
     * is honest (warnings), then MOVED.
     */
    public static List<VerdictListener> all(AlertService alerts) {
        ProvenVerdictRule inRestricted = ProvenVerdictRule.inRestricted(alerts);
        ProvenVerdictRule outsideZone = ProvenVerdictRule.outsideZone(alerts);
        return List.of(
                inRestricted,
                outsideZone,
                e -> {
                    outsideZone.onHonestOnly(e);
                    inRestricted.onHonestOnly(e);
                },
                new MovedRule(alerts));
    }

    /** The evidence of a verdict-driven alert: the verdict and the discs that bound its region. */
    static Map<String, Object> evidence(VerdictEvent e) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("verdict_id", e.verdict().id());
        evidence.put("verdicts", e.verdict().verdicts());
        evidence.put("bounding_discs", e.boundingDiscs());
        evidence.put("tolerated_liars", e.toleratedLiars());
        evidence.put("max_distance_from_site_km", e.maxDistanceFromSiteKm());
        return evidence;
    }
}
