package dev.locus.compliance.redflags;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Country Group D:5 and Macau, read from the bundled {@code country-groups.csv}: the destinations
 * whose parties the IaaS and licence rules single out. Immutable, thread-safe.
 */
public final class CountryGroups {
    private final Map<String, String> groupByCode;

    private CountryGroups(Map<String, String> groupByCode) {
        this.groupByCode = groupByCode;
    }

    /** The bundled list. */
    public static CountryGroups bundled() {
        return new CountryGroups(CsvResource.map("country-groups.csv", row -> row[0].strip(), row -> row[1].strip()));
    }

    /** The group ({@code D:5}, {@code Macau}, …) an ISO alpha-2 code belongs to, if any. */
    public Optional<String> groupOf(String countryCode) {
        return Optional.ofNullable(groupByCode.get(countryCode.toUpperCase(Locale.ROOT)));
    }

    /** Whether the country is in D:5 or is Macau. */
    public boolean isD5OrMacau(String countryCode) {
        return groupOf(countryCode).isPresent();
    }
}
