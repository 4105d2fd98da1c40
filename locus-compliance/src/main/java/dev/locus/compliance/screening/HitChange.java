package dev.locus.compliance.screening;

/**
 * One change to a party's hits: RAISED (new), RERAISED (a dismissed or gone hit whose entry or party
 * changed, or that matches again), UPDATED (an open or confirmed hit whose entry or party changed),
 * GONE (an open hit that no longer matches).
 */
public record HitChange(String partyId, String subjectKey, What what, long hitId) {
    public enum What {
        RAISED,
        RERAISED,
        UPDATED,
        GONE
    }
}
