package dev.locus.compliance.parties;

import dev.locus.screening.match.Query;
import dev.locus.screening.ownership.Party;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A party as the compliance record holds it.
 *
 * @param names the party's names in any script, native and romanised; the first is its primary name
 * @param aliases other names it is known by (trading names, former names)
 * @param registrationNumbers registration numbers, an LEI among them as {@code LEI:...}
 * @param countryOfIncorporation ISO 3166-1 alpha-2
 * @param headquartersCountry ISO 3166-1 alpha-2
 * @param revision 1 when created, one more with every saved change
 */
public record RegisteredParty(
        String id,
        PartyKind kind,
        List<String> names,
        List<String> aliases,
        List<String> registrationNumbers,
        List<String> addresses,
        Optional<String> countryOfIncorporation,
        Optional<String> headquartersCountry,
        Optional<LocalDate> incorporatedOn,
        int revision,
        Instant createdAt,
        Instant updatedAt) {

    public RegisteredParty {
        names = List.copyOf(names);
        aliases = List.copyOf(aliases);
        registrationNumbers = List.copyOf(registrationNumbers);
        addresses = List.copyOf(addresses);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("party " + id + " has no name");
        }
    }

    /** The primary name. */
    public String name() {
        return names.getFirst();
    }

    /** Every name and alias, primary name first. */
    public List<String> allNames() {
        List<String> all = new ArrayList<>(names);
        all.addAll(aliases);
        return all;
    }

    /** The party as the ownership analysis of the screening library sees it. */
    public Party forOwnership() {
        return new Party(
                id,
                kind.person() ? Party.Kind.PERSON : Party.Kind.ORGANISATION,
                allNames(),
                registrationNumbers,
                addresses,
                countryOfIncorporation,
                headquartersCountry,
                incorporatedOn);
    }

    /** One screening query per name and alias, each with what else is known of the party. */
    public List<Query> screeningQueries() {
        Optional<String> country = countryOfIncorporation.or(() -> headquartersCountry);
        return allNames().stream()
                .map(n -> new Query(n, country, Optional.empty(), registrationNumbers, addresses))
                .toList();
    }
}
