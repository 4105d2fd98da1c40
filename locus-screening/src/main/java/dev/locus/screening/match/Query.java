package dev.locus.screening.match;

import dev.locus.screening.list.Countries;
import dev.locus.screening.list.PartialDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is screened: a name (any script) and what else is known of the party. Country is ISO alpha-2
 * of nationality, incorporation or address; identifiers are registration numbers, LEI, passport
 * numbers in any punctuation.
 */
public record Query(
        String name,
        Optional<String> country,
        Optional<PartialDate> dateOfBirth,
        List<String> identifiers,
        List<String> addresses) {

    public Query {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        identifiers = List.copyOf(identifiers);
        addresses = List.copyOf(addresses);
    }

    public static Query ofName(String name) {
        return new Query(name, Optional.empty(), Optional.empty(), List.of(), List.of());
    }

    /** A name with an optional country (code or English name) and date of birth text, as the eval files carry them. */
    public static Query of(String name, String countryOrEmpty, String dobOrEmpty) {
        return new Query(name, Countries.toIso2(countryOrEmpty), PartialDate.parse(dobOrEmpty), List.of(), List.of());
    }

    public Query withIdentifiers(List<String> ids) {
        return new Query(name, country, dateOfBirth, ids, addresses);
    }

    public Query withAddresses(List<String> addressLines) {
        return new Query(name, country, dateOfBirth, identifiers, addressLines);
    }
}
