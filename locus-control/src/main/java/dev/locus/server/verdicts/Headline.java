package dev.locus.server.verdicts;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one verdict a dashboard shows for a chip, from its latest verdict set (a set may hold, e.g.,
 * both EXCLUDES_RESTRICTED and IN_ZONE): a proven problem first (IN_RESTRICTED, OUTSIDE_ZONE,
 * INCONSISTENT), else the strongest proof (IN_ZONE, then EXCLUDES_RESTRICTED), else INCONCLUSIVE;
 * {@link #NO_VERDICT} when the chip has never been assessed. Constants are declared from most to
 * least in need of attention, the order in which sites and lists rank them.
 */
public enum Headline {
    IN_RESTRICTED,
    OUTSIDE_ZONE,
    INCONSISTENT,
    INCONCLUSIVE,
    NO_VERDICT,
    EXCLUDES_RESTRICTED,
    IN_ZONE;

    /** Which member of a verdict set becomes the headline: the first present in this list. */
    public static final List<Headline> PRECEDENCE =
            List.of(IN_RESTRICTED, OUTSIDE_ZONE, INCONSISTENT, IN_ZONE, EXCLUDES_RESTRICTED, INCONCLUSIVE);

    /**
     * The headline of a stored verdict set, comma-separated as in the verdicts table; {@code null}
     * (never assessed) gives NO_VERDICT. A set with no known member proves nothing: INCONCLUSIVE.
     */
    public static Headline of(String storedSet) {
        if (storedSet == null) {
            return NO_VERDICT;
        }
        Set<Headline> members = EnumSet.noneOf(Headline.class);
        for (String part : storedSet.split(",")) {
            String p = part.strip().toUpperCase(Locale.ROOT);
            try {
                Headline h = valueOf(p);
                if (h != NO_VERDICT) {
                    members.add(h);
                }
            } catch (IllegalArgumentException e) {
                // a verdict this dashboard does not know (or an empty set) adds nothing to the headline
            }
        }
        for (Headline h : PRECEDENCE) {
            if (members.contains(h)) {
                return h;
            }
        }
        return INCONCLUSIVE;
    }
}
