package dev.locus.screening.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListReadersTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unXml_readsEveryIndividualAndEntityWithItsReferenceNumberAndDate() {
        ListVersion un = ListLoader.bundledUn();
        assertThat(un.entryCount()).isEqualTo(730 + 273);
        assertThat(un.publishedOn()).contains(LocalDate.of(2026, 2, 27));
        assertThat(un.sha256()).hasSize(64);
        ListEntry badege = un.entries().stream()
                .filter(e -> e.entryId().equals("CDi.001"))
                .findFirst()
                .orElseThrow();
        assertThat(badege.primaryName()).isEqualTo("ERIC BADEGE");
        assertThat(badege.type()).isEqualTo(EntryType.INDIVIDUAL);
        assertThat(badege.datesOfBirth()).containsExactly(new PartialDate(1971, 0, 0));
        assertThat(badege.countries()).contains("CD", "RW");
        assertThat(un.entries().stream().filter(e -> e.type() == EntryType.ENTITY))
                .hasSize(273);
    }

    @Test
    void sdnCsv_joinsAliasesAddressesAndReadsRemarks() {
        ListVersion sdn = ListLoader.bundled().get(1);
        assertThat(sdn.source()).isEqualTo("OFAC-SDN");
        assertThat(sdn.entryCount()).isEqualTo(7379);
        Map<String, ListEntry> byId =
                sdn.entries().stream().collect(Collectors.toMap(ListEntry::entryId, Function.identity()));
        ListEntry alite = byId.get("9750");
        assertThat(alite.names())
                .extracting(ListName::value)
                .contains("BEIJING ALITE TECHNOLOGIES CO., LTD.", "BEIJING HAILI LIANHE KEJI YOUXIAN GONGSI");
        assertThat(alite.countries()).containsExactly("CN");
        assertThat(alite.programs()).containsExactly("NPWMD", "IFSR");
        ListEntry sufaat = byId.get("7936");
        assertThat(sufaat.type()).isEqualTo(EntryType.INDIVIDUAL);
        assertThat(sufaat.datesOfBirth()).containsExactly(new PartialDate(1964, 1, 20));
        assertThat(sufaat.countries()).contains("MY");
        assertThat(sufaat.identifiers()).contains("Passport A10472263 (Malaysia)");
    }

    @Test
    void sdnCsv_badLinesAreNamedByFileLineAndField() {
        assertThatThrownBy(() -> SdnCsvReader.read("x", bytes("36,\"A\",-0- ,\"CUBA\"\n"), bytes(""), bytes("")))
                .hasMessage("sdn.csv:1: expected 12 fields, got 4");
        String ok = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n";
        assertThatThrownBy(() -> SdnCsvReader.read("x", bytes(ok + ok.replace("36", "x6")), bytes(""), bytes("")))
                .hasMessage("sdn.csv:2: field ent_num: expected an integer, got 'x6'");
        assertThatThrownBy(() -> SdnCsvReader.read("x", bytes(ok), bytes("99,1,\"aka\",\"X\",-0- \n"), bytes("")))
                .hasMessage("alt.csv:1: field ent_num: 99 is not in sdn.csv");
    }

    @Test
    void dpl_readsTabSeparatedRowsWithAStableId() {
        ListVersion dpl = ListLoader.bundled().get(2);
        assertThat(dpl.source()).isEqualTo("BIS-DPL");
        assertThat(dpl.entryCount()).isGreaterThan(400);
        assertThat(dpl.entries().getFirst().primaryName()).isEqualTo("ADRIAN MANUEL HERNANDEZ");
        assertThat(dpl.entries().getFirst().entryId()).matches("[0-9a-f]{16}");
        assertThat(dpl.entries().getFirst().addresses().getFirst()).contains("PHONEIX");
        assertThatThrownBy(() -> DplReader.read("dpl.txt", bytes("\"Name\"\t\"City\"\n\"X\"\t\"Y\"\n")))
                .hasMessageStartingWith("dpl.txt:1: field Street_Address: missing column");
    }

    @Test
    void csl_readsBothHeadersAndKeepsEachRowsOwnList() {
        List<ListVersion> all = ListLoader.bundled();
        ListVersion csl2019 = all.get(3);
        ListVersion csl2025 = all.get(4);
        assertThat(csl2019.entries())
                .extracting(ListEntry::source)
                .contains("CSL:EL", "CSL:SDN", "CSL:SSI", "CSL:DTC", "CSL:ISN", "CSL:UVL", "CSL:DPL", "CSL:PLC");
        assertThat(csl2025.entries())
                .extracting(ListEntry::source)
                .contains("CSL:MEU", "CSL:UVL", "CSL:ISN", "CSL:SDN");
        ListEntry sinobright = csl2025.entries().stream()
                .filter(e -> e.primaryName().startsWith("Sinobright"))
                .findFirst()
                .orElseThrow();
        assertThat(sinobright.primaryName()).isEqualTo("Sinobright Import and Export Company");
        assertThat(sinobright.entryId()).isEqualTo("233a4d725770c81fb561ffe3842c14010c2201971d6be62eca1e613b");
        ListEntry rim = csl2025.entries().stream()
                .filter(e -> e.entryId().equals("52291"))
                .findFirst()
                .orElseThrow();
        assertThat(rim.datesOfBirth()).containsExactly(new PartialDate(1978, 12, 5));
        assertThat(rim.countries()).contains("KP", "CN");
        assertThat(rim.identifiers()).anyMatch(i -> i.contains("836238033"));
        ListEntry plc = csl2025.entries().stream()
                .filter(e -> e.entryId().equals("9673"))
                .findFirst()
                .orElseThrow();
        assertThat(plc.names())
                .extracting(ListName::value)
                .contains("Mohammad Mutlaq ABU JHESHEH", "Mohammed ABU JEHEISHA");
    }

    @Test
    void csl_rowWithWrongFieldCountIsNamed() {
        String header =
                "source,entity_number,type,programs,name,addresses,alt_names,citizenships,dates_of_birth,nationalities,ids\n";
        assertThatThrownBy(() -> CslReader.read("csl.csv", bytes(header + "a,b\n")))
                .hasMessage("csl.csv:2: expected 11 fields, got 2");
        assertThatThrownBy(() -> CslReader.read("csl.csv", bytes(header + "X (EL),,,,,,,,,,\n")))
                .hasMessage("csl.csv:2: field name: empty");
    }

    @Test
    void unXml_withoutReferenceNumberIsNamed() {
        String xml =
                "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2026-01-01T00:00:00Z\">\n<INDIVIDUALS>\n"
                        + "<INDIVIDUAL>\n<FIRST_NAME>A</FIRST_NAME>\n</INDIVIDUAL>\n</INDIVIDUALS></CONSOLIDATED_LIST>";
        assertThatThrownBy(() -> UnXmlReader.read("un.xml", bytes(xml)))
                .hasMessage("un.xml:4: field REFERENCE_NUMBER: missing in INDIVIDUAL");
        assertThatThrownBy(() -> UnXmlReader.read("un.xml", bytes("<x><y></x>")))
                .hasMessageStartingWith("un.xml:1: ");
    }

    @Test
    void unXml_refusesExternalEntities(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&xxe;</FIRST_NAME>"
                + "<REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>";
        assertThatThrownBy(() -> UnXmlReader.read("un.xml", bytes(xml)))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("un.xml:3: XML: ")
                .hasMessageNotContaining("TOPSECRET");
    }

    @Test
    void directory_findsEveryListFormat(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sdn"));
        for (String f : List.of("sdn.csv", "alt.csv", "add.csv")) {
            Files.write(dir.resolve("sdn").resolve(f), ListLoader.resource("ofac-sdn-2019/" + f));
        }
        Files.write(dir.resolve("un-2026-02-27.xml"), ListLoader.resource("un-consolidated-2026-02-27.xml"));
        List<ListVersion> lists = ListLoader.fromDirectory(dir);
        assertThat(lists).extracting(ListVersion::source).containsExactly("OFAC-SDN", "UN");
    }

    @Test
    void partialDates_areLenientAboutTheListsErrors() {
        assertThat(PartialDate.parse("1974-01-32")).contains(new PartialDate(1974, 1, 0));
        assertThat(PartialDate.parse("1969-7-16")).contains(new PartialDate(1969, 7, 16));
        assertThat(PartialDate.parse("20 Jan 1964")).contains(new PartialDate(1964, 1, 20));
        assertThat(PartialDate.parse("circa 1958")).contains(new PartialDate(1958, 0, 0));
        assertThat(PartialDate.parse("")).isEmpty();
    }
}
