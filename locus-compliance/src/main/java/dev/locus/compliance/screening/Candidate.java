package dev.locus.compliance.screening;

import java.util.List;

/** A hit as screening or the ownership rules found it now, before it is reconciled with the stored one. */
record Candidate(
        Hit.Kind kind,
        String subjectKey,
        String source,
        String entryId,
        String listedName,
        String matchedName,
        List<String> programs,
        double score,
        String decision,
        String explanationJson,
        String entryFingerprint,
        String partyFingerprint) {

    Candidate {
        programs = List.copyOf(programs);
    }
}
