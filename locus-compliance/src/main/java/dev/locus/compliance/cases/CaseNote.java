package dev.locus.compliance.cases;

import java.time.Instant;

/** A note an analyst wrote on a case. */
public record CaseNote(long id, long caseId, String author, String text, Instant writtenAt) {}
