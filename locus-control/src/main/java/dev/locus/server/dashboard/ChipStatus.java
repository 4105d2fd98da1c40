package dev.locus.server.dashboard;

import dev.locus.server.verdicts.Headline;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one status the dashboard shows for a chip, everywhere (map counts and marker colours, site
 * popups, fleet rows, chip header): its latest verdict's headline, overruled by what the open
 * (unresolved) alerts about it say and by the age of the proof. A chip that stopped answering is
 * SILENT (or STALE before the rule has run), not "in licensed zone" on an old proof; a copied
 * identity is CLONED, not merely INCONSISTENT. Constants are declared from most to least in need
 * of attention, the order in which sites and lists rank them. Computed from the database by
 * {@link ChipStatusQuery} and nowhere else.
 */
enum ChipStatus {
    IN_RESTRICTED("In restricted country"),
    OUTSIDE_ZONE("Outside licensed zone"),
    CLONED("Copied identity"),
    SILENT("Silent"),
    MOVED("Moved"),
    INCONSISTENT("Inconsistent"),
    UNVERIFIED("Unverified"),
    STALE("Stale proof"),
    INCONCLUSIVE("Inconclusive"),
    NO_VERDICT("No verdict yet"),
    EXCLUDES_RESTRICTED("Not in restricted country"),
    IN_ZONE("In licensed zone");

    /** The words the dashboard shows for it (its static js/verdicts.js holds the same labels). */
    final String label;

    ChipStatus(String label) {
        this.label = label;
    }

    /** Statuses someone should look at: everything ranked above NO_VERDICT. */
    boolean needsAttention() {
        return compareTo(NO_VERDICT) < 0;
    }

    /**
     * Chip alert rules that bear on the status, each a bit of one number, so the database can
     * combine a chip's open alerts in one column (SUM of DISTINCT powers of two is their OR).
     */
    enum OpenAlert {
        IN_RESTRICTED(1),
        OUTSIDE_ZONE(2),
        CLONED_IDENTITY(4),
        SILENT(8),
        MOVED(16),
        UNVERIFIED(32);

        final int bit;

        OpenAlert(int bit) {
            this.bit = bit;
        }

        static Set<OpenAlert> of(int bits) {
            Set<OpenAlert> out = EnumSet.noneOf(OpenAlert.class);
            for (OpenAlert a : values()) {
                if ((bits & a.bit) != 0) {
                    out.add(a);
                }
            }
            return out;
        }
    }

    /**
     * The status of a chip whose latest verdict has this headline, whose proof rests on
     * attestations older than the silence policy ({@code stale}), with these rules open.
     */
    static ChipStatus of(Headline latest, boolean stale, Set<OpenAlert> open) {
        if (latest == Headline.IN_RESTRICTED || open.contains(OpenAlert.IN_RESTRICTED)) {
            return IN_RESTRICTED;
        }
        if (latest == Headline.OUTSIDE_ZONE || open.contains(OpenAlert.OUTSIDE_ZONE)) {
            return OUTSIDE_ZONE;
        }
        if (open.contains(OpenAlert.CLONED_IDENTITY)) {
            return CLONED;
        }
        if (open.contains(OpenAlert.SILENT)) {
            return SILENT;
        }
        if (open.contains(OpenAlert.MOVED)) {
            return MOVED;
        }
        if (latest == Headline.INCONSISTENT) {
            return INCONSISTENT;
        }
        if (open.contains(OpenAlert.UNVERIFIED)) {
            return UNVERIFIED;
        }
        if (stale && latest != Headline.NO_VERDICT) {
            return STALE;
        }
        return switch (latest) {
            case INCONCLUSIVE -> INCONCLUSIVE;
            case EXCLUDES_RESTRICTED -> EXCLUDES_RESTRICTED;
            case IN_ZONE -> IN_ZONE;
            default -> NO_VERDICT;
        };
    }
}
