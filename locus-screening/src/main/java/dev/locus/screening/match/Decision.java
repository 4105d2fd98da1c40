package dev.locus.screening.match;

/** Where a candidate's score falls: at or above MATCH, at or above REVIEW. */
public enum Decision {
    MATCH,
    REVIEW
}
