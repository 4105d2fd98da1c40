package dev.locus.server.mesh;

import dev.locus.geo.audit.AuditReport;
import dev.locus.geo.audit.SuspectLandmark;
import java.time.Duration;
import java.util.List;

/**
 * What one mesh-audit run found, published to the {@link MeshListener} after the audit marked the
 * landmarks it marks.
 *
 * @param report the geo core's audit over the window
 * @param findings one per landmark the audit names, in the report's order
 * @param window how far back peer round trips counted
 */
public record MeshFindings(AuditReport report, List<Finding> findings, Duration window) {
    public MeshFindings {
        findings = List.copyOf(findings);
    }

    /**
     * One named landmark.
     *
     * @param isolatedPair one side of an isolated contradicting pair (nothing tells which side is wrong)
     * @param marked marked SUSPECT by this run (it was ACTIVE)
     */
    public record Finding(SuspectLandmark suspect, boolean isolatedPair, boolean marked) {
        public String landmarkId() {
            return suspect.landmark().id();
        }
    }

    /**
     * What the listener did about the findings.
     *
     * @param alertsRaised ids of the alerts opened
     * @param alertsResolved ids of earlier mesh-audit alerts resolved (superseded, or the landmark is
     *     no longer implicated)
     */
    public record Handled(List<Long> alertsRaised, List<Long> alertsResolved) {
        public Handled {
            alertsRaised = List.copyOf(alertsRaised);
            alertsResolved = List.copyOf(alertsResolved);
        }
    }
}
