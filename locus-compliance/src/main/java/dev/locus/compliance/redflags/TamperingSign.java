package dev.locus.compliance.redflags;

import java.time.Instant;

/** An existing location alert that signals tampering or evasion (Chip Security Act §4(a)(2)(C)). */
public record TamperingSign(Kind kind, long alertId, String summary, Instant openedAt) {
    public enum Kind {
        /** The chip stopped attesting. */
        SILENCE,
        /** The chip's identity answered from places no travel explains. */
        CLONED_IDENTITY,
        /** A landmark that measured the chip lied about its position or clock. */
        LYING_LANDMARK
    }
}
