package dev.locus.compliance.screening;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A screening hit as stored: a party against a list entry ({@code LIST_MATCH}) or against an
 * ownership rule ({@code OWNERSHIP}), with its lifecycle.
 *
 * @param subjectKey {@code source/entry_id} of the entry, or {@code OWNERSHIP:<rule>}
 * @param score the match score in [0, 1]; for an ownership hit the aggregate share held by listed
 *     parties as a fraction
 * @param decision MATCH or REVIEW (the score's band), RULE for an ownership hit
 * @param explanation the per-feature explanation (list match: {@code [{feature, contribution,
 *     detail}]}) or the ownership finding (rule version, percent, paths)
 * @param entryFingerprint SHA-256 of the list entry (or of the ownership finding) when last raised
 * @param partyFingerprint SHA-256 of the party's screened details when last raised
 */
public record Hit(
        long id,
        String partyId,
        Kind kind,
        String subjectKey,
        Status status,
        String source,
        String entryId,
        String listedName,
        String matchedName,
        List<String> programs,
        double score,
        String decision,
        JsonNode explanation,
        String entryFingerprint,
        String partyFingerprint,
        Instant raisedAt,
        Instant updatedAt,
        Optional<Instant> decidedAt,
        Optional<String> decidedBy,
        Optional<String> decisionReason) {

    public enum Kind {
        LIST_MATCH,
        OWNERSHIP
    }

    /** OPEN until a person decides; GONE when an open hit stopped matching. */
    public enum Status {
        OPEN,
        CONFIRMED,
        DISMISSED,
        GONE
    }

    public Hit {
        programs = List.copyOf(programs);
    }
}
