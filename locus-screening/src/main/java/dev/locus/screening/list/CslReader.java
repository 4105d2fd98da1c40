package dev.locus.screening.list;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * The Consolidated Screening List (trade.gov) CSV, with either the 2019 header (28 columns) or the
 * 2025 header (29, with {@code _id}). List fields (alt_names, addresses, dates_of_birth, ids, ...)
 * are separated by "; ". Each row keeps its own list as source, {@code CSL:<code>} from the
 * parenthesised code of the {@code source} column (EL, MEU, UVL, SDN, SSI, FSE, DTC, ISN, DPL, ...).
 * Entry id: {@code _id}, else {@code entity_number}, else a hash of source and name.
 */
public final class CslReader {
    private static final List<String> REQUIRED = List.of(
            "source",
            "entity_number",
            "type",
            "programs",
            "name",
            "addresses",
            "alt_names",
            "citizenships",
            "dates_of_birth",
            "nationalities",
            "ids");
    private static final Pattern CODE = Pattern.compile("\\(([A-Z0-9]+)\\)");
    private static final Pattern SUCCESSOR = Pattern.compile(";\\s*and any successor.*$", Pattern.CASE_INSENSITIVE);

    private CslReader() {}

    /** {@code CSL:EL} for "Entity List (EL) - Bureau of Industry and Security". */
    public static String sourceCode(String source) {
        Matcher m = CODE.matcher(source);
        return "CSL:" + (m.find() ? m.group(1) : source.replaceAll("[^A-Za-z0-9]+", "-"));
    }

    /** @throws ListFormatException naming file, line and field for a malformed file */
    public static ListVersion read(String fileName, byte[] bytes) {
        HeaderedCsv csv = HeaderedCsv.read(fileName, bytes, ',', REQUIRED);
        List<ListEntry> entries = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (CSVRecord r : csv.rows) {
            long line = HeaderedCsv.line(r);
            String sourceText = csv.get(r, "source");
            String name = SUCCESSOR.matcher(csv.get(r, "name")).replaceAll("").trim();
            if (sourceText.isEmpty()) {
                throw new ListFormatException(fileName, line, "field source: empty");
            }
            if (name.isEmpty()) {
                throw new ListFormatException(fileName, line, "field name: empty");
            }
            String source = sourceCode(sourceText);
            String id = csv.get(r, "_id");
            if (id.isEmpty()) {
                id = csv.get(r, "entity_number");
            }
            if (id.isEmpty()) {
                id = ListFiles.sha256((sourceText + "|" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .substring(0, 16);
            }
            if (!keys.add(source + "/" + id)) {
                continue; // the same party listed twice by one list: the first row stands
            }
            List<ListName> names = new ArrayList<>();
            names.add(new ListName(name, NameKind.PRIMARY));
            for (String alt : split(csv.get(r, "alt_names"))) {
                names.add(new ListName(alt, NameKind.STRONG_ALIAS));
            }
            List<PartialDate> dobs = new ArrayList<>();
            for (String d : split(csv.get(r, "dates_of_birth"))) {
                PartialDate.parse(d).ifPresent(dobs::add);
            }
            Set<String> countries = new LinkedHashSet<>();
            for (String c : split(csv.get(r, "nationalities") + "; " + csv.get(r, "citizenships"))) {
                Countries.toIso2(c).ifPresent(countries::add);
            }
            List<String> addresses = split(csv.get(r, "addresses"));
            for (String a : addresses) {
                String[] parts = a.split(",\\s*");
                Countries.toIso2(parts[parts.length - 1]).ifPresent(countries::add);
            }
            List<String> ids = split(csv.get(r, "ids")).stream()
                    .filter(i -> i.chars().anyMatch(Character::isDigit))
                    .toList();
            entries.add(new ListEntry(
                    source,
                    id,
                    EntryType.fromList(csv.get(r, "type")),
                    names,
                    dobs,
                    countries,
                    addresses,
                    ids,
                    split(csv.get(r, "programs"))));
        }
        return new ListVersion("CSL", ListFiles.dateInName(fileName), ListFiles.sha256(bytes), entries);
    }

    static List<String> split(String field) {
        return Arrays.stream(field.split(";\\s*"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
