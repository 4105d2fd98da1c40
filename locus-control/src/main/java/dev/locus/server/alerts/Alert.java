package dev.locus.server.alerts;

import java.time.Instant;
import java.util.Optional;

/**
 * A raised alert and its lifecycle: OPEN, then optionally ACKNOWLEDGED, then RESOLVED, each step
 * with who and why; and who works on it ({@code assignee}), when and by whom it was assigned.
 *
 * @param evidenceJson JSON object with what triggered the rule
 */
public record Alert(
        long id,
        Rule rule,
        Severity severity,
        Status status,
        SubjectType subjectType,
        String subjectId,
        String summary,
        String evidenceJson,
        Instant openedAt,
        Optional<Instant> acknowledgedAt,
        Optional<String> acknowledgedBy,
        Optional<String> acknowledgeNote,
        Optional<Instant> resolvedAt,
        Optional<String> resolvedBy,
        Optional<String> resolutionNote,
        Optional<String> assignee,
        Optional<Instant> assignedAt,
        Optional<String> assignedBy) {

    public enum Rule {
        /** A verdict proved the chip outside its licensed zone. */
        OUTSIDE_ZONE,
        /** A verdict proved the chip inside a restricted jurisdiction. */
        IN_RESTRICTED,
        /** No verdict has proved the chip's location for longer than policy allows. */
        UNVERIFIED,
        /** An installed chip has not attested for longer than policy allows. */
        SILENT,
        /** The chip's feasible region no longer overlaps the previous one. */
        MOVED,
        /** One chip identity answered from places no travel between the two times explains. */
        CLONED_IDENTITY,
        /** A landmark was marked suspect (its position or clock is contradicted). */
        SUSPECT_LANDMARK
    }

    public enum Severity {
        INFO,
        WARNING,
        CRITICAL
    }

    public enum Status {
        OPEN,
        ACKNOWLEDGED,
        RESOLVED
    }

    public enum SubjectType {
        CHIP,
        LANDMARK
    }
}
