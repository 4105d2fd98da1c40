package dev.locus.screening.list;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;

/**
 * BIS's Denied Persons List, tab-separated with quoted fields: Name, Street_Address, City, State,
 * Country, Postal_Code, Effective_Date, Expiration_Date, Standard_Order, Last_Update, Action,
 * FR_Citation. The list has no identifier of its own, so an entry's id is the first 16 hex digits of
 * the SHA-256 of its name and effective date, stable across versions.
 */
public final class DplReader {
    public static final String SOURCE = "BIS-DPL";
    private static final List<String> REQUIRED = List.of(
            "Name", "Street_Address", "City", "State", "Country", "Postal_Code", "Effective_Date", "FR_Citation");

    private DplReader() {}

    /** @throws ListFormatException naming file, line and field for a malformed file */
    public static ListVersion read(String fileName, byte[] bytes) {
        HeaderedCsv csv = HeaderedCsv.read(fileName, bytes, '\t', REQUIRED);
        List<ListEntry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        LocalDate latest = null;
        for (CSVRecord r : csv.rows) {
            String name = csv.get(r, "Name");
            if (name.isEmpty()) {
                throw new ListFormatException(fileName, HeaderedCsv.line(r), "field Name: empty");
            }
            String effective = csv.get(r, "Effective_Date");
            String id = ListFiles.sha256((name + "|" + effective).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .substring(0, 16);
            if (!seen.add(id)) {
                continue; // the DPL repeats a person once per address; the first row stands
            }
            String country = csv.get(r, "Country");
            Set<String> countries = new LinkedHashSet<>();
            Countries.toIso2(country.isEmpty() ? "US" : country).ifPresent(countries::add);
            String address = String.join(
                    ", ",
                    Stream.of("Street_Address", "City", "State", "Postal_Code", "Country")
                            .map(c -> csv.get(r, c))
                            .filter(s -> !s.isEmpty())
                            .toList());
            entries.add(new ListEntry(
                    SOURCE,
                    id,
                    EntryType.UNKNOWN,
                    List.of(new ListName(name, NameKind.PRIMARY)),
                    List.of(),
                    countries,
                    address.isEmpty() ? List.of() : List.of(address),
                    List.of(),
                    List.of(csv.get(r, "FR_Citation"))));
            String updated = csv.get(r, "Last_Update");
            if (updated.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate d = LocalDate.parse(updated);
                latest = latest == null || d.isAfter(latest) ? d : latest;
            }
        }
        Optional<LocalDate> published = ListFiles.dateInName(fileName).or(() -> Optional.empty());
        return new ListVersion(
                SOURCE,
                published.isPresent() ? published : Optional.ofNullable(latest),
                ListFiles.sha256(bytes),
                entries);
    }
}
