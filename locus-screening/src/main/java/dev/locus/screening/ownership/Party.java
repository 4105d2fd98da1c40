package dev.locus.screening.ownership;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered party: exporter, distributor, consignee, end user, cloud operator, tenant, forwarder,
 * or a person or company that owns one. Names in any script (native and romanised) and aliases;
 * registration numbers (an LEI among them, {@code LEI:...}); countries are ISO alpha-2.
 */
public record Party(
        String id,
        Kind kind,
        List<String> names,
        List<String> registrationNumbers,
        List<String> addresses,
        Optional<String> countryOfIncorporation,
        Optional<String> headquartersCountry,
        Optional<LocalDate> incorporatedOn) {

    /** A natural person or an organisation (company, partnership, trust, state body). */
    public enum Kind {
        PERSON,
        ORGANISATION
    }

    public Party {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("party " + id + ": at least one name");
        }
        registrationNumbers = List.copyOf(registrationNumbers);
        addresses = List.copyOf(addresses);
        Objects.requireNonNull(countryOfIncorporation, "countryOfIncorporation");
        Objects.requireNonNull(headquartersCountry, "headquartersCountry");
        Objects.requireNonNull(incorporatedOn, "incorporatedOn");
    }

    public static Party organisation(String id, String name, String country) {
        return new Party(
                id,
                Kind.ORGANISATION,
                List.of(name),
                List.of(),
                List.of(),
                Optional.of(country),
                Optional.of(country),
                Optional.empty());
    }

    public static Party person(String id, String name) {
        return new Party(
                id,
                Kind.PERSON,
                List.of(name),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
