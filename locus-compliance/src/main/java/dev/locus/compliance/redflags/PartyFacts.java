package dev.locus.compliance.redflags;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A party as the red-flag rules see it (read from the parties register).
 *
 * @param incorporationCountry ISO 3166-1 alpha-2, when known
 * @param headquartersCountry ISO 3166-1 alpha-2, when known
 */
public record PartyFacts(
        String id,
        String name,
        Set<PartyRole> roles,
        Optional<String> incorporationCountry,
        Optional<String> headquartersCountry,
        Optional<LocalDate> incorporatedOn,
        Ownership ownership) {
    public PartyFacts {
        roles = Set.copyOf(roles);
    }

    /** What is known of who owns the party. */
    public enum Ownership {
        /** Owners are recorded up to a natural person, a listed company or a state. */
        KNOWN,
        /** Nothing is recorded about the owners. */
        UNKNOWN,
        /** Owners are recorded, but a significant share is undisclosed. */
        UNDISCLOSED_SHARE
    }

    /** Whether any of the party's roles is part of chip distribution. */
    public boolean inChipDistribution() {
        return roles.stream().anyMatch(PartyRole::inChipDistribution);
    }
}
