package dev.locus.compliance.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A case: the findings about one party, site or chip under one owner, with a decision. */
public record Case(
        long id,
        String subjectType,
        String subjectId,
        String title,
        Optional<String> owner,
        Status status,
        Optional<LocalDate> dueOn,
        Optional<Decision> decision,
        Optional<String> decisionNote,
        String openedBy,
        Instant openedAt,
        Instant updatedAt) {

    public enum Status {
        OPEN,
        INVESTIGATING,
        CLOSED
    }

    public enum Decision {
        /** Investigated: no diversion or misuse. */
        NO_VIOLATION,
        /** The licence was suspended, amended or revoked. */
        LICENCE_ACTION,
        /** Credible information was reported to BIS (Chip Security Act §4(a)(2)). */
        REPORTED_TO_BIS,
        /** Handed to someone with more authority. */
        ESCALATED
    }
}
