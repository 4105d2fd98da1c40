package dev.locus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.server.ServerConfig;
import dev.locus.wire.LocusClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commercial record, findings and cases commands against a real control plane over real HTTP:
 * a bad import is refused whole with its line and field on stderr, a good one (CSV and JSON) raises
 * findings, the case that opens is changed and noted, and its PDF report is written.
 */
class RedFlagCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static CliServer cli;

    @BeforeAll
    static void start() throws Exception {
        cli = CliServer.start(ServerConfig.builder(dir.resolve("cp")));
        // the first party saved loads the bundled screening lists inside its request: load them first
        cli.controlPlane().compliance().screening().lists().loaded();
        String token = Files.readString(Path.of(cli.tokenFile())).strip();
        LocusClient client = LocusClient.builder(cli.url()).token(token).build();
        for (Map<String, Object> p : List.of(
                party("nvx", "EXPORTER", "NVX Corporation", "US", "1993-04-05"),
                party("lion-gate", "CONSIGNEE", "Lion Gate Compute Pte. Ltd.", "SG", "2024-02-14"),
                party("swift-fwd", "FREIGHT_FORWARDER", "Swift Freight Sdn. Bhd.", "MY", "2011-01-01"))) {
            client.postText("/api/v1/parties", "application/json", JSON.writeValueAsString(p));
        }
    }

    private static Map<String, Object> party(String id, String kind, String name, String country, String formed) {
        return Map.of(
                "id", id,
                "kind", kind,
                "names", List.of(name),
                "country_of_incorporation", country,
                "headquarters_country", country,
                "incorporated_on", formed);
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    private static String ok(ProtocolCommandsIT.Run r) {
        return CliServer.ok(r);
    }

    @Test
    void importRaisesFindings_aCaseIsChangedNotedAndReportedAsPdf() throws Exception {
        Path bad = dir.resolve("bad-orders.csv");
        Files.writeString(bad, """
                id,seller_id,buyer_id,billing_country,model,quantity,value_usd,ordered_on,destination_site_id
                o-ok,nvx,lion-gate,SG,H100,2000,60000000,2025-03-01,lion-gate-dc
                o-bad,nvx,ghost,SG,H100,0,1,2025-04-01,
                """);
        ProtocolCommandsIT.Run refused = cli.api("orders", "import", bad.toString());
        assertThat(refused.exit()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err())
                .contains("locus orders import: the control plane refused POST " + cli.url() + "/api/v1/orders/import")
                .contains("IMPORT_REJECTED: ")
                .contains("line 3: buyer_id ")
                .contains("line 3: quantity ");
        assertThat(ok(cli.api("orders", "list"))).as("all or nothing").endsWith("0 row(s)" + System.lineSeparator());

        Path orders = dir.resolve("orders.csv");
        Files.writeString(orders, """
                id,seller_id,buyer_id,billing_country,model,quantity,value_usd,ordered_on,destination_site_id
                o-lion,nvx,lion-gate,SG,H100,2000,60000000,2025-03-01,lion-gate-dc
                """);
        assertThat(ok(cli.api("orders", "import", orders.toString())))
                .isEqualTo("1 orders row(s) imported from " + orders + System.lineSeparator());
        Path shipments = dir.resolve("shipments.csv");
        Files.writeString(shipments, """
                id,order_id,consignee_id,ship_to_address,ship_to_country,address_kind,forwarder_id,declared_contents,chip_count,serials,shipped_on
                s-lion,o-lion,lion-gate,"Lot 7, Jalan Pelabuhan, Port Klang",MY,FORWARDER,swift-fwd,GPU servers,2000,LG-0001 LG-0002,2025-03-20
                """);
        ok(cli.api("shipments", "import", shipments.toString()));
        Path capacity = dir.resolve("capacity.json");
        Files.writeString(capacity, """
                [{"site_id": "lion-gate-dc", "operator_id": "lion-gate", "country": "SG",
                  "power_mw": "0.25", "racks": "10", "declared_on": "2025-02-01"}]
                """);
        assertThat(ok(cli.api("site-capacity", "import", capacity.toString())))
                .startsWith("1 site-capacity row(s) imported");
        assertThat(ok(cli.api("orders", "list", "--where", "buyer_id=lion-gate")))
                .contains("BUYER_ID")
                .contains("o-lion")
                .endsWith("1 row(s)" + System.lineSeparator());
        cli.controlPlane().compliance().redFlags().awaitIdle();

        assertThat(ok(cli.api("findings", "--subject", "lion-gate", "--status", "OPEN")))
                .contains("COUNTRY_MISMATCH")
                .contains("SHIP_TO_FORWARDER_OR_RESIDENCE")
                .contains("PARTY lion-gate");
        assertThat(ok(cli.api("findings", "--rule", "SITE_LACKS_CAPACITY")))
                .contains("SITE lion-gate-dc")
                .endsWith("1 finding(s)" + System.lineSeparator());

        var cases = JSON.readTree(ok(cli.api("cases", "list", "--subject", "lion-gate", "--json")))
                .path("items");
        assertThat(cases).as("a case opens by itself at the risk threshold").hasSize(1);
        String id = cases.get(0).path("id").asText();

        assertThat(ok(cli.api(
                        "cases",
                        "update",
                        id,
                        "--owner",
                        "analyst-1",
                        "--status",
                        "INVESTIGATING",
                        "--due",
                        "2026-01-15")))
                .contains("INVESTIGATING")
                .contains("analyst-1")
                .contains("2026-01-15");
        ProtocolCommandsIT.Run closing = cli.api("cases", "update", id, "--status", "CLOSED");
        assertThat(closing.exit()).as("closing needs a decision").isEqualTo(ExitCodes.API_REFUSED);
        assertThat(closing.err()).contains("CONFLICT: ");
        assertThat(ok(cli.api("cases", "note", id, "--text", "asked NVX for the end-user statement")))
                .contains("added to case " + id);
        assertThat(ok(cli.api("cases", "show", id)))
                .contains("analyst-1")
                .contains("COUNTRY_MISMATCH")
                .contains("asked NVX for the end-user statement");

        Path pdf = dir.resolve("case.pdf");
        assertThat(ok(cli.api("cases", "report", id, "--format", "pdf", "-o", pdf.toString())))
                .contains("written to " + pdf);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(pdf), 4);
        assertThat(new String(head, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        assertThat(ok(cli.api("cases", "report", id, "--format", "json")))
                .contains("\"audit_head\"")
                .contains("lion-gate");
    }
}
