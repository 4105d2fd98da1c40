package dev.locus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.wire.LocusClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The commercial record, findings and cases commands against a real control plane over real HTTP:
 * a bad import is refused whole with its line and field on stderr, a good one (CSV and JSON) raises
 * findings, the case that opens is changed and noted, and its PDF report is written; a case is opened
 * by hand on a finding, noted, decided and closed, and a finding dismissed with its reason. Each test
 * reads only its own parties and sites, so they run in any order.
 */
class RedFlagCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final CliServer cli = CliServer.perClass();

    @BeforeAll
    static void registerParties() throws Exception {
        // the first party saved loads the bundled screening lists inside its request: load them first
        cli.controlPlane().compliance().screening().lists().loaded();
        LocusClient client = cli.client();
        for (Map<String, Object> p : List.of(
                party("nvx", "EXPORTER", "NVX Corporation", "US", "1993-04-05"),
                party("lion-gate", "CONSIGNEE", "Lion Gate Compute Pte. Ltd.", "SG", "2024-02-14"),
                party("swift-fwd", "FREIGHT_FORWARDER", "Swift Freight Sdn. Bhd.", "MY", "2011-01-01"),
                party("harbour", "CONSIGNEE", "Harbour Compute Sdn. Bhd.", "MY", "2009-06-01"))) {
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

    private static String ok(ProtocolCommandsIT.Run r) {
        return CliServer.ok(r);
    }

    @Test
    void importRaisesFindings_aCaseIsChangedNotedAndReportedAsPdf() throws Exception {
        Path bad = cli.dir().resolve("bad-orders.csv");
        Files.writeString(bad, """
                id,seller_id,buyer_id,billing_country,model,quantity,value_usd,ordered_on,destination_site_id
                o-ok,nvx,lion-gate,SG,H100,2000,60000000,2025-03-01,lion-gate-dc
                o-bad,nvx,ghost,SG,H100,0,1,2025-04-01,
                """);
        ProtocolCommandsIT.Run refused = cli.api("orders", "import", bad.toString());
        CliServer.refused(refused)
                .contains("locus orders import: the control plane refused POST " + cli.url() + "/api/v1/orders/import")
                .contains("IMPORT_REJECTED: ")
                .contains("line 3: buyer_id ")
                .contains("line 3: quantity ");
        assertThat(ok(cli.api("orders", "list", "--where", "buyer_id=lion-gate")))
                .as("all or nothing")
                .endsWith("0 row(s)" + System.lineSeparator());

        Path orders = cli.dir().resolve("orders.csv");
        Files.writeString(orders, """
                id,seller_id,buyer_id,billing_country,model,quantity,value_usd,ordered_on,destination_site_id
                o-lion,nvx,lion-gate,SG,H100,2000,60000000,2025-03-01,lion-gate-dc
                """);
        assertThat(ok(cli.api("orders", "import", orders.toString())))
                .isEqualTo("1 orders row(s) imported from " + orders + System.lineSeparator());
        Path shipments = cli.dir().resolve("shipments.csv");
        Files.writeString(shipments, """
                id,order_id,consignee_id,ship_to_address,ship_to_country,address_kind,forwarder_id,declared_contents,chip_count,serials,shipped_on
                s-lion,o-lion,lion-gate,"Lot 7, Jalan Pelabuhan, Port Klang",MY,FORWARDER,swift-fwd,GPU servers,2000,LG-0001 LG-0002,2025-03-20
                """);
        ok(cli.api("shipments", "import", shipments.toString()));
        Path capacity = cli.dir().resolve("capacity.json");
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
        assertThat(ok(cli.api("findings", "--rule", "SITE_LACKS_CAPACITY", "--subject", "lion-gate-dc")))
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

        Path pdf = cli.dir().resolve("case.pdf");
        assertThat(ok(cli.api("cases", "report", id, "--format", "pdf", "-o", pdf.toString())))
                .contains("written to " + pdf);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(pdf), 4);
        assertThat(new String(head, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        assertThat(ok(cli.api("cases", "report", id, "--format", "json")))
                .contains("\"audit_head\"")
                .contains("lion-gate");
    }

    @Test
    void aCaseIsOpenedOnAFindingNotedDecidedAndClosed_andAFindingIsDismissedWithItsReason() throws Exception {
        Path order = cli.dir().resolve("harbour-order.json");
        Files.writeString(order, """
                [{"id": "o-harbour", "seller_id": "nvx", "buyer_id": "harbour", "billing_country": "MY",
                  "model": "H100", "quantity": "800", "value_usd": "24000000", "ordered_on": "2025-05-01",
                  "destination_site_id": "harbour-dc"}]
                """);
        ok(cli.api("orders", "import", order.toString()));
        Path capacity = cli.dir().resolve("harbour-capacity.json");
        Files.writeString(capacity, """
                [{"site_id": "harbour-dc", "operator_id": "harbour", "country": "MY",
                  "power_mw": "0.1", "racks": "4", "declared_on": "2025-02-01"}]
                """);
        ok(cli.api("site-capacity", "import", capacity.toString()));
        cli.controlPlane().compliance().redFlags().awaitIdle();
        var siteFindings = JSON.readTree(ok(cli.api("findings", "--subject", "harbour-dc", "--json")))
                .path("items");
        assertThat(siteFindings).hasSize(1);
        assertThat(siteFindings.get(0).path("rule").asText()).isEqualTo("SITE_LACKS_CAPACITY");
        String finding = siteFindings.get(0).path("id").asText();
        assertThat(ok(cli.api("cases", "list", "--subject-type", "site", "--subject", "harbour-dc")))
                .as("one WARNING finding opens no case by itself")
                .endsWith("0 case(s)" + System.lineSeparator());

        ProtocolCommandsIT.Run elsewhere = cli.api(
                "cases",
                "open",
                "--subject-type",
                "party",
                "--subject",
                "harbour",
                "--title",
                "x",
                "--finding",
                finding);
        assertThat(elsewhere.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(elsewhere.err()).contains("finding " + finding + " is about SITE harbour-dc, not PARTY harbour");
        ProtocolCommandsIT.Run noSubject = cli.api("cases", "open", "--title", "x");
        assertThat(noSubject.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(noSubject.err()).contains("a case needs a subject");

        var opened = JSON.readTree(ok(cli.api(
                "cases",
                "open",
                "--finding",
                finding,
                "--title",
                "Harbour DC cannot power 800 H100s",
                "--owner",
                "analyst-2",
                "--due",
                "2026-02-01",
                "--json")));
        assertThat(opened.path("subject_type").asText()).isEqualTo("SITE");
        assertThat(opened.path("subject_id").asText()).isEqualTo("harbour-dc");
        assertThat(opened.path("owner").asText()).isEqualTo("analyst-2");
        assertThat(opened.path("due_on").asText()).isEqualTo("2026-02-01");
        String id = opened.path("id").asText();
        ProtocolCommandsIT.Run twice =
                cli.api("cases", "open", "--subject-type", "site", "--subject", "harbour-dc", "--title", "again");
        assertThat(twice.exit()).as("one active case per subject").isEqualTo(ExitCodes.API_REFUSED);
        assertThat(twice.err()).contains("CONFLICT: case " + id);

        assertThat(ok(cli.api("cases", "note", id, "--text", "operator says a 2 MW feed is being built")))
                .contains("added to case " + id);
        assertThat(ok(cli.api("cases", "update", id, "--status", "investigating", "--owner", "analyst-3")))
                .contains("INVESTIGATING")
                .contains("analyst-3");
        ProtocolCommandsIT.Run undecided = cli.api("cases", "close", id);
        assertThat(undecided.exit()).as("closing needs a decision").isEqualTo(ExitCodes.FAILED);
        assertThat(undecided.err()).contains("a case is closed with a decision: give --decision");
        assertThat(ok(cli.api(
                        "cases",
                        "close",
                        id,
                        "--decision",
                        "NO_VIOLATION",
                        "--decision-note",
                        "feed contract seen; 2 MW from March")))
                .contains("CLOSED")
                .contains("NO_VIOLATION");
        assertThat(ok(cli.api("cases", "show", id)))
                .contains("decision note: feed contract seen; 2 MW from March")
                .contains("Opened on finding(s) " + finding + " (SITE_LACKS_CAPACITY)")
                .contains("operator says a 2 MW feed is being built");

        assertThat(ok(cli.api("findings", "dismiss", finding, "--reason", "2 MW feed contract seen")))
                .isEqualTo("finding " + finding + " (SITE_LACKS_CAPACITY, SITE harbour-dc) is now DISMISSED"
                        + System.lineSeparator());
        assertThat(ok(cli.api("findings", "show", finding)))
                .contains("DISMISSED")
                .contains("evidence: ");
        ProtocolCommandsIT.Run again = cli.api("findings", "dismiss", finding, "--reason", "again");
        assertThat(again.exit()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(again.err()).contains("CONFLICT: only OPEN findings can be dismissed");
        ProtocolCommandsIT.Run unknown = cli.api("findings", "dismiss", "999999", "--reason", "x");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(unknown.err()).contains("NOT_FOUND");

        assertThat(ok(cli.api("cases", "open", "--help")))
                .contains("--subject-type")
                .contains("--finding")
                .contains("groups every finding about its subject");
        assertThat(ok(cli.api("findings", "dismiss", "--help")))
                .contains("--reason")
                .contains("audit log");
    }
}
