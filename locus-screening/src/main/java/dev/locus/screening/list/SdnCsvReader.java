package dev.locus.screening.list;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * OFAC's SDN list in its legacy CSV form: {@code sdn.csv} (12 fields: ent_num, SDN_Name, SDN_Type,
 * Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks), {@code
 * alt.csv} (ent_num, alt_num, alt_type, alt_name, alt_remarks) and {@code add.csv} (ent_num,
 * add_num, address, city/state/postal, country, add_remarks); {@code -0-} means empty.
 */
public final class SdnCsvReader {
    public static final String SOURCE = "OFAC-SDN";

    private SdnCsvReader() {}

    private static final class Draft {
        final String entNum;
        final EntryType type;
        final List<ListName> names = new ArrayList<>();
        final List<String> addresses = new ArrayList<>();
        final Set<String> countries = new LinkedHashSet<>();
        final List<String> programs;
        final RemarksParser remarks;

        Draft(String entNum, EntryType type, String name, List<String> programs, RemarksParser remarks) {
            this.entNum = entNum;
            this.type = type;
            this.names.add(new ListName(name, NameKind.PRIMARY));
            this.programs = programs;
            this.remarks = remarks;
            this.countries.addAll(remarks.countries);
        }
    }

    /**
     * Reads the three files; {@code folderName} names the copy (a {@code YYYY-MM-DD} in it is taken
     * as the publication date, the legacy CSV carrying none).
     *
     * @throws ListFormatException naming file, line and field for a malformed file
     */
    public static ListVersion read(String folderName, byte[] sdn, byte[] alt, byte[] add) {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (CSVRecord r : records("sdn.csv", sdn, 12)) {
            String entNum = entNum("sdn.csv", r);
            String name = ListFiles.clean(r.get(1));
            if (name.isEmpty()) {
                throw new ListFormatException("sdn.csv", r.getRecordNumber(), "field SDN_Name: empty");
            }
            List<String> programs = Arrays.stream(ListFiles.clean(r.get(3)).split("\\]\\s*\\["))
                    .map(p -> p.replace("[", "").replace("]", "").trim())
                    .filter(p -> !p.isEmpty())
                    .toList();
            Draft d = new Draft(
                    entNum,
                    EntryType.fromList(r.get(2)),
                    name,
                    programs,
                    RemarksParser.parse(ListFiles.clean(r.get(11))));
            if (drafts.putIfAbsent(entNum, d) != null) {
                throw new ListFormatException("sdn.csv", r.getRecordNumber(), "field ent_num: duplicate " + entNum);
            }
        }
        for (CSVRecord r : records("alt.csv", alt, 5)) {
            Draft d = owner("alt.csv", r, drafts);
            String name = ListFiles.clean(r.get(3));
            if (!name.isEmpty()) {
                String type = ListFiles.clean(r.get(2)).toLowerCase(java.util.Locale.ROOT);
                d.names.add(new ListName(name, type.equals("aka") ? NameKind.STRONG_ALIAS : NameKind.WEAK_ALIAS));
            }
        }
        for (CSVRecord r : records("add.csv", add, 6)) {
            Draft d = owner("add.csv", r, drafts);
            String address = String.join(
                    ", ",
                    Arrays.stream(new String[] {r.get(2), r.get(3), r.get(4)})
                            .map(ListFiles::clean)
                            .filter(s -> !s.isEmpty())
                            .toList());
            if (!address.isEmpty()) {
                d.addresses.add(address);
            }
            Countries.toIso2(ListFiles.clean(r.get(4))).ifPresent(d.countries::add);
        }
        List<ListEntry> entries = new ArrayList<>(drafts.size());
        for (Draft d : drafts.values()) {
            entries.add(new ListEntry(
                    SOURCE,
                    d.entNum,
                    d.type,
                    d.names,
                    d.remarks.datesOfBirth,
                    d.countries,
                    d.addresses,
                    d.remarks.identifiers,
                    d.programs));
        }
        return new ListVersion(SOURCE, ListFiles.dateInName(folderName), ListFiles.sha256(sdn, alt, add), entries);
    }

    private static Draft owner(String file, CSVRecord r, Map<String, Draft> drafts) {
        String entNum = entNum(file, r);
        Draft d = drafts.get(entNum);
        if (d == null) {
            throw new ListFormatException(file, r.getRecordNumber(), "field ent_num: " + entNum + " is not in sdn.csv");
        }
        return d;
    }

    private static String entNum(String file, CSVRecord r) {
        String v = ListFiles.clean(r.get(0));
        if (!v.matches("\\d+")) {
            throw new ListFormatException(
                    file, r.getRecordNumber(), "field ent_num: expected an integer, got '" + v + "'");
        }
        return v;
    }

    private static List<CSVRecord> records(String file, byte[] bytes, int fields) {
        String text = ListFiles.text(bytes).replace("\u001a", "");
        try (CSVParser p =
                CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            List<CSVRecord> out = new ArrayList<>();
            for (CSVRecord r : p) {
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue;
                }
                if (r.size() != fields) {
                    throw new ListFormatException(
                            file, r.getRecordNumber(), "expected " + fields + " fields, got " + r.size());
                }
                out.add(r);
            }
            return out;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ListFormatException(file, 0, "not CSV: " + e.getMessage(), e);
        }
    }
}
