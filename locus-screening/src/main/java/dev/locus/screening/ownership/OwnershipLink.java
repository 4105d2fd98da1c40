package dev.locus.screening.ownership;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code owner} holds {@code percent} of {@code owned}'s equity from {@code validFrom} through {@code
 * validUntil} (inclusive; empty = open). A direct link is a holding in the register; an indirect one
 * is a disclosed aggregate ("X ultimately holds 30 % of Y") whose path is unknown: it is not
 * multiplied along chains but counts as a floor of the computed aggregate. {@code control} records
 * control without equity (board seats, voting agreements); the 50 % rules ignore it.
 */
public record OwnershipLink(
        String owner,
        String owned,
        double percent,
        boolean direct,
        boolean control,
        Optional<LocalDate> validFrom,
        Optional<LocalDate> validUntil) {

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
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (validFrom.isPresent() && validUntil.isPresent() && validUntil.get().isBefore(validFrom.get())) {
            throw new IllegalArgumentException("link " + owner + " -> " + owned + ": valid until " + validUntil.get()
                    + " before valid from " + validFrom.get());
        }
    }

    /** A direct equity holding valid from a date on. */
    public static OwnershipLink direct(String owner, String owned, double percent, LocalDate from) {
        return new OwnershipLink(owner, owned, percent, true, false, Optional.of(from), Optional.empty());
    }

    /** A direct equity holding valid between two dates (inclusive). */
    public static OwnershipLink direct(String owner, String owned, double percent, LocalDate from, LocalDate until) {
        return new OwnershipLink(owner, owned, percent, true, false, Optional.of(from), Optional.of(until));
    }

    public boolean activeOn(LocalDate date) {
        return validFrom.map(f -> !date.isBefore(f)).orElse(true)
                && validUntil.map(u -> !date.isAfter(u)).orElse(true);
    }
}
