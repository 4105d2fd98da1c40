package dev.locus.server.dashboard;

import java.util.Locale;

/**
 * The one verdict a dashboard shows for a chip: the most serious member of its latest verdict set
 * (a set may hold, e.g., both EXCLUDES_RESTRICTED and IN_ZONE), or {@link #NO_VERDICT} when the chip
 * has never been assessed. Declared from most to least serious.
 */
enum Headline {
    IN_RESTRICTED,
    OUTSIDE_ZONE,
    INCONSISTENT,
    INCONCLUSIVE,
    NO_VERDICT,
    EXCLUDES_RESTRICTED,
    IN_ZONE;

    /**
     * The headline of a stored verdict set, comma-separated as in the verdicts table. An empty set
     * proves nothing, so it reads as INCONCLUSIVE; a missing one (never assessed) as NO_VERDICT.
     */
    static Headline of(String storedSet) {
        if (storedSet == null) {
            return NO_VERDICT;
        }
        Headline best = null;
        for (String part : storedSet.split(",")) {
            String p = part.strip().toUpperCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            Headline h;
            try {
                h = valueOf(p);
            } catch (IllegalArgumentException e) {
                continue; // a verdict this dashboard does not know is left out of the headline
            }
            if (best == null || h.ordinal() < best.ordinal()) {
                best = h;
            }
        }
        return best == null ? INCONCLUSIVE : best;
    }
}
