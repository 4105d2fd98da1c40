package dev.locus.server.verdicts;

import dev.locus.geo.verdict.Verdict;
import java.time.Instant;
import java.util.Set;

/**
 * A verdict as stored: what was proven about a chip from one measurement window, with evidence
 * JSON that names every receipt and disc used, so it can be re-derived.
 *
 * @param proven whether the chip's location was proven acceptable: IN_ZONE or EXCLUDES_RESTRICTED,
 *     and neither OUTSIDE_ZONE nor IN_RESTRICTED (see {@link VerdictEngine#provesCompliance})
 */
public record StoredVerdict(
        long id,
        String chipSerial,
        Instant windowStart,
        Instant windowEnd,
        Set<Verdict> verdicts,
        boolean proven,
        String evidenceJson,
        Instant assessedAt) {
    public StoredVerdict {
        verdicts = Set.copyOf(verdicts);
    }
}
