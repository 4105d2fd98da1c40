package dev.locus.compliance.redflags;

import java.time.Instant;
import java.util.Set;

/** Where a chip's latest verdict proves it is; only proven verdicts place a chip. */
public sealed interface ProvenLocation {
    /** Proven inside the licensed zone of its declared site, so in that site's country. */
    record InZone(String siteId, String country, long verdictId, Instant windowEnd) implements ProvenLocation {}

    /** Proven away from its licensed location: OUTSIDE_ZONE or IN_RESTRICTED. */
    record Away(Set<String> verdicts, long verdictId, Instant windowEnd) implements ProvenLocation {
        public Away {
            verdicts = Set.copyOf(verdicts);
        }
    }

    /** Nothing proven: no verdict yet, or the latest one is inconclusive. */
    record Unproven(String reason) implements ProvenLocation {}
}
