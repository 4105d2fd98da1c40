package dev.locus.screening.ownership;

import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code owner} holds {@code percent} of {@code owned}'s equity on the days of its {@code validity}.
 * A direct link is a holding in the register; an indirect one
 * is a disclosed aggregate ("X ultimately holds 30 % of Y") whose path is unknown: it is not
 * multiplied along chains but counts as a floor of the computed aggregate. {@code control} records
 * control without equity (board seats, voting agreements); the 50 % rules ignore it.
 */
public record OwnershipLink(
        String owner, String owned, double percent, boolean direct, boolean control, Validity validity) {

    public OwnershipLink {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(owned, "owned");
        if (owner.equals(owned)) {
            throw new IllegalArgumentException("link " + owner + " -> " + owned + ": a party cannot own itself");
        }
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException(
                    "link " + owner + " -> " + owned + ": percent must be 0..100, got " + percent);
        }
        Objects.requireNonNull(validity, "validity");
    }

    /** A direct equity holding valid from a date on. */
    public static OwnershipLink direct(String owner, String owned, double percent, LocalDate from) {
        return new OwnershipLink(owner, owned, percent, true, false, Validity.from(from));
    }

    /** A direct equity holding valid between two dates (inclusive). */
    public static OwnershipLink direct(String owner, String owned, double percent, LocalDate from, LocalDate until) {
        return new OwnershipLink(owner, owned, percent, true, false, Validity.between(from, until));
    }

    public boolean activeOn(LocalDate date) {
        return validity.contains(date);
    }
}
