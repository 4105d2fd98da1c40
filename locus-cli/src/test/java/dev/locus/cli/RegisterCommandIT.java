package dev.locus.cli;

import static dev.locus.cli.ProtocolCommandsIT.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.identity.Certificates;
import dev.locus.server.ServerConfig;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code locus register ...} and {@code locus audit head} against a real control plane started in
 * this JVM, over real HTTP: records land in the registry, local checks stop bad options before
 * anything is sent, and server refusals show their stable code and field.
 */
class RegisterCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final CliServer cli = CliServer.perClass(dir -> {
        CliPki.issue(dir, "SN-REG-1", "NVIDIA H100");
        // trusts the CA `ca init` made, as `server --manufacturer-ca ca/ca.pem` does
        return ServerConfig.builder(dir.resolve("cp")).manufacturerCas(Certificates.readPem(dir.resolve("ca/ca.pem")));
    });

    /** Runs {@code locus ARGS... --server URL --token-file FILE}. */
    private static ProtocolCommandsIT.Run api(String... args) {
        return cli.api(args);
    }

    private static JsonNode ok(ProtocolCommandsIT.Run r) throws Exception {
        return JSON.readTree(CliServer.ok(r));
    }

    /** Runs {@code locus register organisation} with every field. */
    private static ProtocolCommandsIT.Run organisation(String id, String name, String kind, String country) {
        return api("register", "organisation", "--id", id, "--name", name, "--kind", kind, "--country", country);
    }

    /** Runs {@code locus register site} with every field. */
    private static ProtocolCommandsIT.Run site(
            String id, String name, String operator, String country, String lat, String lon, String zoneKm) {
        return api(
                "register",
                "site",
                "--id",
                id,
                "--name",
                name,
                "--operator-id",
                operator,
                "--country",
                country,
                "--latitude-deg",
                lat,
                "--longitude-deg",
                lon,
                "--zone-radius-km",
                zoneKm);
    }

    /** Runs {@code locus register licence} with the required fields, valid in {@code [from, until]}, and {@code more}. */
    private static ProtocolCommandsIT.Run licence(
            String id,
            String exporter,
            String endUser,
            String site,
            String chips,
            String from,
            String until,
            String... more) {
        List<String> args = new ArrayList<>(List.of(
                "register",
                "licence",
                "--id",
                id,
                "--exporter-id",
                exporter,
                "--end-user-id",
                endUser,
                "--site-id",
                site,
                "--chip-count",
                chips,
                "--valid-from",
                from,
                "--valid-until",
                until));
        args.addAll(List.of(more));
        return api(args.toArray(String[]::new));
    }

    private static long auditSeq() throws Exception {
        ProtocolCommandsIT.Run head = api("audit", "head", "--json");
        return ok(head).get("seq").asLong();
    }

    @Test
    void everyKind_registersThroughTheApi_andCustodyMovesTheChip() throws Exception {
        ok(organisation("nvx", "NVX", "exporter", "US"));
        JsonNode op = ok(organisation("sgdc", "SG DC", "CLOUD_OPERATOR", "sg"));
        assertThat(op.get("country").asText()).isEqualTo("SG");
        JsonNode site = ok(site("sg-1", "Singapore 1", "sgdc", "SG", "1.29", "103.85", "100"));
        assertThat(site.get("zone_radius_km").asDouble()).isEqualTo(100.0);
        ok(licence("LIC-1", "nvx", "sgdc", "sg-1", "2", "2026-01-01", "2027-12-31", "--conditions", "no re-export"));
        JsonNode chip = ok(api(
                "register",
                "chip",
                "--serial",
                "SN-REG-1",
                "--model",
                "NVIDIA H100",
                "--device-certificate",
                cli.dir().resolve("devices/SN-REG-1.pem").toString(),
                "--licence-id",
                "LIC-1",
                "--declared-site-id",
                "sg-1"));
        String deviceKey = Base64.getEncoder()
                .encodeToString(
                        Ed25519Keys.rawPublicKey(Certificates.readPem(cli.dir().resolve("devices/SN-REG-1.pem"))
                                .get(0)
                                .getPublicKey()));
        assertThat(chip.get("device_public_key").asText()).isEqualTo(deviceKey);
        assertThat(chip.path("device_certificate").path("sha256").asText())
                .isEqualTo(
                        Certificates.fingerprint(Certificates.readPem(cli.dir().resolve("devices/SN-REG-1.pem"))
                                        .get(0))
                                .toHex());
        assertThat(chip.get("status").asText()).isEqualTo("REGISTERED");
        JsonNode landmark = ok(cli.registerLandmark(
                "sg1",
                "Singapore",
                "1.3667",
                "103.75",
                "--certificate",
                cli.dir().resolve("landmarks/sg1.pem").toString()));
        assertThat(landmark.get("status").asText()).isEqualTo("ACTIVE");
        JsonNode custody = ok(api(
                "register",
                "custody-event",
                "--serial",
                "SN-REG-1",
                "--kind",
                "INSTALLED",
                "--site-id",
                "sg-1",
                "--note",
                "rack 4",
                "--occurred-at",
                "2026-03-01T10:00:00Z"));
        assertThat(custody.get("kind").asText()).isEqualTo("INSTALLED");

        JsonNode stored = ok(api("show", "chip", "SN-REG-1"));
        assertThat(stored.get("status").asText()).isEqualTo("INSTALLED");
        assertThat(stored.get("licence_id").asText()).isEqualTo("LIC-1");
        assertThat(ok(api("show", "landmark", "sg1")).get("name").asText()).isEqualTo("Singapore");
        ProtocolCommandsIT.Run missing = api("show", "site", "no-such-site");
        assertThat(missing.exit()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(missing.err())
                .contains("locus show: the control plane refused GET " + cli.url()
                        + "/api/v1/sites/no-such-site (HTTP 404)")
                .contains("NOT_FOUND: ");
    }

    @Test
    void serverRefusal_showsTheStableCodeAndEveryFieldProblem() {
        ProtocolCommandsIT.Run r = site("nowhere-1", "Nowhere", "no-such-org", "SG", "1", "103", "50");
        CliServer.refused(r)
                .contains(
                        "locus register site: the control plane refused POST " + cli.url() + "/api/v1/sites (HTTP 422)")
                .contains("VALIDATION_FAILED: ")
                .contains("operator_id must name a registered organisation, got 'no-such-org'");

        ProtocolCommandsIT.Run custody =
                api("register", "custody-event", "--serial", "NO-SUCH-CHIP", "--kind", "SHIPPED");
        assertThat(custody.exit()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(custody.err()).contains("(HTTP 404)").contains("NOT_FOUND: ").contains("NO-SUCH-CHIP");
    }

    @Test
    void localChecks_reportEveryBadOption_andSendNothing() throws Exception {
        long before = auditSeq();
        ProtocolCommandsIT.Run r = site("bad id", "X", "sgdc", "SGP", "91", "103", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains("4 invalid option(s), nothing was sent")
                .contains("id must be 1 to 64 letters")
                .contains("country must be an ISO 3166-1 alpha-2 country code such as SG, got 'SGP'")
                .contains("latitude_deg must be a number in [-90, 90], got '91.0'")
                .contains("zone_radius_km must be a number in (0, 20000], got '0.0'");

        ProtocolCommandsIT.Run dates = licence("L2", "a", "b", "c", "0", "2027-01-01", "2026-01-01");
        assertThat(dates.exit()).isEqualTo(2);
        assertThat(dates.err())
                .contains("chip_count must be an integer in [1, 10000000], got '0'")
                .contains("valid_until must not be before valid_from (2027-01-01), got '2026-01-01'");

        ProtocolCommandsIT.Run installed =
                api("register", "custody-event", "--serial", "SN-REG-1", "--kind", "INSTALLED");
        assertThat(installed.exit()).isEqualTo(2);
        assertThat(installed.err()).contains("site_id is required for INSTALLED events");

        ProtocolCommandsIT.Run missing = api("register", "organisation", "--id", "x", "--kind", "EXPORTER");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err())
                .contains("Missing required options")
                .contains("--name")
                .contains("--country");

        ProtocolCommandsIT.Run badKind = organisation("x", "X", "SMUGGLER", "SG");
        assertThat(badKind.exit()).isEqualTo(2);
        assertThat(badKind.err()).contains("EXPORTER").contains("CLOUD_OPERATOR");

        ProtocolCommandsIT.Run twoKeys =
                cli.registerLandmark("x", "X", "1", "2", "--public-key", "AAAA", "--certificate", "x.pem");
        assertThat(twoKeys.exit()).isEqualTo(2);
        assertThat(twoKeys.err()).contains("mutually exclusive");

        assertThat(auditSeq()).as("nothing reached the registry").isEqualTo(before);
    }

    @Test
    void help_explainsEveryOptionWithItsApiField() {
        ProtocolCommandsIT.Run site = run("register", "site", "--help");
        assertThat(site.exit()).isZero();
        assertThat(site.out())
                .contains("--operator-id", "--latitude-deg", "--longitude-deg", "--zone-radius-km")
                .contains("licensed zone")
                .contains("(0, 20000]");
        ProtocolCommandsIT.Run top = run("register", "--help");
        assertThat(top.out())
                .contains("--operator-id sets operator_id")
                .contains("organisation", "site", "licence", "chip", "landmark", "custody-event");
        assertThat(run("register", "custody-event", "--help").out())
                .contains("SHIPPED, RECEIVED, INSTALLED, MOVED, RETURNED,")
                .contains("required for RECEIVED and INSTALLED");
    }

    @Test
    void auditHead_printsSeqHashAndTime_matchingTheServer() throws Exception {
        long seq = auditSeq();
        ok(organisation("anchor-org", "A", "END_USER", "FR"));
        ProtocolCommandsIT.Run line = api("audit", "head");
        assertThat(line.exit()).as(line.err()).isZero();
        assertThat(line.out()).matches("audit head: seq " + (seq + 1) + " hash [0-9a-f]{64} recorded_at \\S+Z\\n");
        ProtocolCommandsIT.Run verify =
                run("audit", "verify", "--data-dir", cli.dir().resolve("cp").toString());
        assertThat(verify.exit()).as(verify.err()).isZero();
        String hash = line.out().split(" ")[5];
        assertThat(verify.out()).contains("head hash " + hash);
    }

    @Test
    void server_refusesARestrictedCodeWithoutABoundary() {
        ProtocolCommandsIT.Run r = run(
                "server", "--data-dir", cli.dir().resolve("never").toString(), "--port", "0", "--restricted", "CN,XX");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .contains("restricted jurisdictions must be ISO 3166-1 alpha-2")
                .contains("'XX'");
    }
}
