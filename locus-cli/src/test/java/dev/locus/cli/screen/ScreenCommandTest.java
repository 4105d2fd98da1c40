package dev.locus.cli.screen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.cli.LocusCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScreenCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            CommandLine cli = LocusCli.commandLine();
            cli.setErr(new PrintWriter(err));
            int exit = cli.execute(args);
            return new Run(exit, bytes.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void screenJson_printsTheMatchWithItsListIdAndExplanation() throws Exception {
        Run r = run("screen", "--name", "JSC Concern Almaz Antey", "--json");
        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/query/name").asText()).isEqualTo("JSC Concern Almaz Antey");
        JsonNode first = json.at("/matches/0");
        assertThat(first.get("source").asText()).isEqualTo("OFAC-SDN");
        assertThat(first.get("entry_id").asText()).isEqualTo("16865");
        assertThat(first.get("name").asText()).isEqualTo("JOINT-STOCK COMPANY CONCERN ALMAZ-ANTEY");
        assertThat(first.get("decision").asText()).isEqualTo("MATCH");
        assertThat(first.get("score").asDouble()).isBetween(0.9, 1.0);
        assertThat(first.get("explanation").get(0).get("feature").asText()).isEqualTo("name");
    }

    @Test
    void screen_withCountryAndDob_explainsThem() throws Exception {
        Run r = run("screen", "--name", "ERIC BADEGE", "--country", "CD", "--dob", "1971", "--json");
        JsonNode first = new ObjectMapper().readTree(r.out()).at("/matches/0");
        assertThat(first.get("entry_id").asText()).isEqualTo("CDi.001");
        assertThat(first.get("explanation").toString()).contains("date_of_birth", "country");
    }

    @Test
    void batch_writesOneResultPerRowWithItsRowNumber() throws Exception {
        Path csv = dir.resolve("q.csv");
        Files.writeString(
                csv,
                "full_name,date_of_birth,nationality\n"
                        + "Kathryn Barr,1966-07-06,United Arab Emirates\n"
                        + "\"SALEK, ABDULHAI\",1965,af\n"
                        + "Dalian Global Unity Shpg Co Ltd,,\n");
        Path out = dir.resolve("out.json");
        Run r = run("screen", "batch", "--queries", csv.toString(), "--json", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(out.toFile());
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("row").asInt()).isEqualTo(1);
        assertThat(results.get(0).get("matches")).isEmpty();
        assertThat(results.get(1).at("/matches/0/entry_id").asText()).isEqualTo("TAi.108");
        assertThat(results.get(2).at("/matches/0/entry_id").asText()).isEqualTo("22624");
    }

    @Test
    void badInput_isOneClearError() {
        Run dob = run("screen", "--name", "X", "--dob", "19x");
        assertThat(dob.exit()).isEqualTo(1);
        assertThat(dob.err()).contains("--dob: expected YYYY, YYYY-MM or YYYY-MM-DD, got '19x'");
        Run lists = run("screen", "--name", "X", "--lists", dir.toString());
        assertThat(lists.exit()).isEqualTo(1);
        assertThat(lists.err()).contains("no list files");
        Run csv = run(
                "screen",
                "batch",
                "--queries",
                write("bad.csv", "name\nX\n").toString(),
                "--json",
                dir.resolve("o").toString());
        assertThat(csv.err()).contains("field full_name: missing column");
    }

    @Test
    void lists_fromADirectory() throws Exception {
        Files.writeString(
                dir.resolve("dpl-test.txt"),
                "\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t\"Postal_Code\"\t\"Effective_Date\"\t\"FR_Citation\"\n"
                        + "\"ORCHID HARBOUR TRADING PTE LTD\"\t\"1 Harbour Rd\"\t\"Singapore\"\t\"\"\t\"SG\"\t\"\"\t\"01/01/2025\"\t\"90 FR 1\"\n");
        Run r = run("screen", "--name", "Orchid Harbour Trading Private Limited", "--lists", dir.toString(), "--json");
        assertThat(new ObjectMapper().readTree(r.out()).at("/matches/0/source").asText())
                .isEqualTo("BIS-DPL");
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
