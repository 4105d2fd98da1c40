package dev.locus.compliance.parties;

import dev.locus.screening.match.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a party is, as a person registers it and as screening reads it: the part of a party that a
 * create or an update replaces whole. {@link PartyInput} carries it with the id and the revision
 * the sender read; {@link RegisteredParty} with the id, the revision and the times. Immutable.
 *
 * @param names the party's names in any script, native and romanised; the first is its primary name
 * @param aliases other names it is known by (trading names, former names)
 * @param registrationNumbers registration numbers, an LEI among them as {@code LEI:...}
 * @param countryOfIncorporation ISO 3166-1 alpha-2
 * @param headquartersCountry ISO 3166-1 alpha-2
 */
public record PartyDetails(
        PartyKind kind,
        List<String> names,
        List<String> aliases,
        List<String> registrationNumbers,
        List<String> addresses,
        Optional<String> countryOfIncorporation,
        Optional<String> headquartersCountry,
        Optional<LocalDate> incorporatedOn) {

    public PartyDetails {
        names = List.copyOf(names);
        aliases = List.copyOf(aliases);
        registrationNumbers = List.copyOf(registrationNumbers);
        addresses = List.copyOf(addresses);
    }

    /** Every name and alias, primary name first. */
    public List<String> allNames() {
        List<String> all = new ArrayList<>(names);
        all.addAll(aliases);
        return all;
    }

    /** One screening query per name and alias, each with what else is known of the party. */
    public List<Query> screeningQueries() {
        Optional<String> country = countryOfIncorporation.or(() -> headquartersCountry);
        return allNames().stream()
                .map(n -> new Query(n, country, Optional.empty(), registrationNumbers, addresses))
                .toList();
    }
}
