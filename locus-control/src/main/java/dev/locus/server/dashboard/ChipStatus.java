package dev.locus.server.dashboard;

import dev.locus.server.verdicts.Headline;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
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
    IN_RESTRICTED(
            "In restricted country",
            "#b2182b",
            "The whole feasible region lies in a restricted jurisdiction: proven violation."),
    OUTSIDE_ZONE(
            "Outside licensed zone",
            "#d95f02",
            "The feasible region does not touch the licensed zone: proven diversion or relocation."),
    CLONED(
            "Copied identity",
            "#c51b7d",
            "The chip answered from places no travel between the answers explains: two devices use its"
                    + " identity, so its key has probably been copied."),
    SILENT(
            "Silent",
            "#8c510a",
            "The chip has stopped attesting for longer than policy allows: its last proof is old, and"
                    + " silence is how a diversion starts."),
    MOVED("Moved", "#a6761d", "The feasible region no longer overlaps the previous one: the chip was moved."),
    INCONSISTENT(
            "Inconsistent",
            "#7b3294",
            "The discs do not intersect: no single place explains the answers. Either two devices answer"
                    + " with this identity, or a landmark's position or clock is wrong (see Landmarks)."),
    UNVERIFIED("Unverified", "#d6604d", "No verdict has proven the chip compliant for longer than policy allows."),
    STALE("Stale proof", "#bf812d", "The latest verdict rests on attestations older than the silence policy."),
    INCONCLUSIVE("Inconclusive", "#6b6b6b", "Nothing could be proven: too few or too distant landmarks."),
    NO_VERDICT("No verdict yet", "#8f8f8f", "The chip has never been assessed."),
    EXCLUDES_RESTRICTED(
            "Not in restricted country", "#2c7fb8", "The feasible region avoids every restricted jurisdiction."),
    IN_ZONE("In licensed zone", "#1a9850", "The feasible region lies inside the licensed zone, on a recent proof.");

    /** The words the dashboard shows for it. */
    final String label;
    /** Its colour on the dashboard (CSS hex); never its only sign, the label goes with it. */
    final String colour;
    /** What it means, the dashboard's tooltip and explanation. */
    final String help;

    ChipStatus(String label, String colour, String help) {
        this.label = label;
        this.colour = colour;
        this.help = help;
    }

    /** How the dashboard shows a status: one entry of its status table. */
    record Look(String key, String label, String colour, String help) {}

    /**
     * The dashboard's status table, most in need of attention first: the one source of its labels,
     * colours, help texts, legend and ranking (served to the page as {@code js/statuses.json}).
     */
    static List<Look> table() {
        return Arrays.stream(values())
                .map(s -> new Look(s.name(), s.label, s.colour, s.help))
                .toList();
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
