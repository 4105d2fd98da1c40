package dev.locus.compliance.findings;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.Optional;

/**
 * A finding as stored, with its lifecycle.
 *
 * @param source the cited source's id (e.g. {@code CSA_4A2_A})
 * @param citation the source in words
 * @param key what tells it apart from the rule's other findings about the subject
 * @param evidence the evidence as a JSON object
 * @param statusBy who last set the status ({@code system} when a rule did)
 */
public record StoredFinding(
        long id,
        String rule,
        String source,
        String citation,
        String subjectType,
        String subjectId,
        String key,
        String severity,
        String summary,
        @JsonRawValue String evidence,
        Status status,
        Optional<String> statusBy,
        Optional<String> statusNote,
        Instant openedAt,
        Instant updatedAt) {

    public enum Status {
        /** The rule fires now. */
        OPEN,
        /** An analyst dismissed it with a reason; raised again only when the evidence changes. */
        DISMISSED,
        /** The rule no longer fires. */
        CLEARED
    }
}
