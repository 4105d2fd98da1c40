package dev.locus.screening.ownership;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The days a holding is valid: from {@code from} through {@code until}, both inclusive; an empty
 * end is open; an end before the start is refused ({@code IllegalArgumentException}). Immutable.
 */
public record Validity(Optional<LocalDate> from, Optional<LocalDate> until) {
    /** Valid on every date. */
    public static final Validity ALWAYS = new Validity(Optional.empty(), Optional.empty());

    public Validity {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!ordered(from, until)) {
            throw new IllegalArgumentException("valid until " + until.get() + " before valid from " + from.get());
        }
    }

    /** Valid from {@code from} on, with no end. */
    public static Validity from(LocalDate from) {
        return new Validity(Optional.of(from), Optional.empty());
    }

    /** Valid from {@code from} through {@code until}. */
    public static Validity between(LocalDate from, LocalDate until) {
        return new Validity(Optional.of(from), Optional.of(until));
    }

    /** False when both ends are given and {@code until} is before {@code from}. */
    public static boolean ordered(Optional<LocalDate> from, Optional<LocalDate> until) {
        return from.isEmpty() || until.isEmpty() || !until.get().isBefore(from.get());
    }

    /** True when {@code date} is within the period (ends included). */
    public boolean contains(LocalDate date) {
        return from.map(f -> !date.isBefore(f)).orElse(true)
                && until.map(u -> !date.isAfter(u)).orElse(true);
    }
}
