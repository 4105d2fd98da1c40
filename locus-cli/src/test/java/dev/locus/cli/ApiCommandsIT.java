package dev.locus.cli;

import static dev.locus.cli.ProtocolCommandsIT.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.protocol.crypto.Ed25519Keys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API commands against a real control plane in this JVM, over real HTTP: a refusal is a human
 * message on stderr naming the request, the server, its code, message and fields, with exit 5 and
 * nothing on stdout (with {@code --json}, the error body on stdout); alerts are acknowledged and
 * resolved with a reason; tokens are issued, listed and revoked.
 */
class ApiCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final CliServer cli = CliServer.perClass();

    private static ProtocolCommandsIT.Run api(String... args) {
        return cli.api(args);
    }

    private static ProtocolCommandsIT.Run withToken(String file, String... args) {
        return cli.as(file, args);
    }

    private static String ok(ProtocolCommandsIT.Run r) {
        return CliServer.ok(r);
    }

    private static void registerLandmark(String id) {
        String key = Base64.getEncoder()
                .encodeToString(Ed25519Keys.publicKey(Ed25519Keys.generateSecret(new SecureRandom())));
        ok(cli.registerLandmark(id, "Somewhere", "1", "103", "--public-key", key));
    }

    @Test
    void alerts_refusal_isAHumanMessageOnStderr_withExit5_andTheErrorBodyOnStdoutWithJson() throws Exception {
        ProtocolCommandsIT.Run r = api("alerts", "--status", "BOGUS");
        CliServer.refused(r)
                .startsWith("locus alerts: the control plane refused GET " + cli.url()
                        + "/api/v1/alerts?limit=100&status=BOGUS (HTTP 422)")
                .contains("VALIDATION_FAILED: ")
                .contains("status ")
                .contains("got 'BOGUS'")
                .doesNotContain("{\"error\"");

        ProtocolCommandsIT.Run json = api("alerts", "--status", "BOGUS", "--json");
        assertThat(json.exit()).isEqualTo(ExitCodes.API_REFUSED);
        JsonNode body = JSON.readTree(json.out());
        assertThat(body.at("/error/code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(body.at("/error/problems/0/field").asText()).isEqualTo("status");
        assertThat(json.err()).contains("VALIDATION_FAILED");
    }

    @Test
    void import_refusal_listsEveryBadLine_onStderr() throws Exception {
        Path csv = cli.dir().resolve("orgs.csv");
        Files.writeString(csv, "id,name,kind,country\nok-1,Fine,EXPORTER,SG\nbad id,Bad,NOT_A_KIND,SG\n");
        ProtocolCommandsIT.Run r = api("import", "organisations", csv.toString());
        CliServer.refused(r)
                .contains("locus import: the control plane refused POST " + cli.url() + "/api/v1/imports/organisations")
                .contains("IMPORT_REJECTED: ")
                .contains("line 3: kind ")
                .contains("'NOT_A_KIND'");

        Path good = cli.dir().resolve("good.csv");
        Files.writeString(good, "id,name,kind,country\nimp-1,Importer One,EXPORTER,SG\n");
        assertThat(ok(api("import", "organisations", good.toString())))
                .isEqualTo("1 organisations imported from " + good + System.lineSeparator());
    }

    @Test
    void report_ofAnUnknownChip_isRefusedOnStderr() {
        ProtocolCommandsIT.Run r = api("report", "NO-SUCH-CHIP");
        CliServer.refused(r)
                .contains("locus report: the control plane refused GET " + cli.url()
                        + "/api/v1/chips/NO-SUCH-CHIP/report")
                .contains("NOT_FOUND: ");
    }

    @Test
    void anUnreachableServer_isExit6_namingTheServer() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProtocolCommandsIT.Run r =
                run("alerts", "--server", "http://127.0.0.1:" + port, "--token-file", cli.tokenFile());
        assertThat(r.exit()).isEqualTo(ExitCodes.API_UNREACHABLE);
        assertThat(r.err()).contains("cannot reach the control plane at http://127.0.0.1:" + port);
    }

    @Test
    void anAlert_isAcknowledgedThenResolved_withReasons() throws Exception {
        registerLandmark("lm-ack");
        // a person marks it suspect: the rule raises SUSPECT_LANDMARK
        cli.client()
                .postJson("/api/v1/landmarks/lm-ack/status", java.util.Map.of("status", "SUSPECT", "reason", "moved"));
        String table = ok(api("alerts", "--status", "OPEN"));
        String line = table.lines()
                .filter(l -> l.contains("SUSPECT_LANDMARK") && l.contains("landmark lm-ack"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no SUSPECT_LANDMARK row in\n" + table));
        String id = line.split("\\s+")[0];

        assertThat(ok(api("alerts", "acknowledge", id, "--reason", "site visit booked")))
                .contains("alert " + id + " (SUSPECT_LANDMARK, landmark lm-ack) is now ACKNOWLEDGED");
        ProtocolCommandsIT.Run again = api("alerts", "acknowledge", id, "--reason", "twice");
        assertThat(again.exit()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(again.err()).contains("(HTTP 409)").contains("CONFLICT: ");
        JsonNode resolved = JSON.readTree(ok(api("alerts", "resolve", id, "--reason", "surveyed again", "--json")));
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("acknowledge_note").asText()).isEqualTo("site visit booked");
        assertThat(resolved.get("resolution_note").asText()).isEqualTo("surveyed again");

        ProtocolCommandsIT.Run noReason = api("alerts", "resolve", id);
        assertThat(noReason.exit()).isEqualTo(2);
        assertThat(noReason.err()).contains("--reason");
    }

    @Test
    void tokens_areIssuedToAPrivateFile_listed_andRevoked() throws Exception {
        Path secret = cli.dir().resolve("auditor-token");
        assertThat(ok(api("tokens", "issue", "--name", "auditor A", "--role", "auditor", "--out", secret.toString())))
                .contains("issued: 'auditor A', AUDITOR; secret in " + secret);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                .isEqualTo("rw-------");
        // the new token reads, and may not issue tokens
        assertThat(ok(withToken(secret.toString(), "alerts", "--json"))).contains("\"items\"");
        ProtocolCommandsIT.Run forbidden =
                withToken(secret.toString(), "tokens", "issue", "--name", "x", "--role", "ADMIN");
        assertThat(forbidden.exit()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(forbidden.err()).contains("(HTTP 403)");

        String list = ok(api("tokens", "list"));
        String row = list.lines()
                .filter(l -> l.contains("auditor A"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(list));
        assertThat(row).contains("AUDITOR").endsWith("active");
        String id = row.split("\\s+")[0];

        assertThat(ok(api("tokens", "revoke", id))).contains("token " + id + " revoked");
        ProtocolCommandsIT.Run after = withToken(secret.toString(), "alerts");
        assertThat(after.exit()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(after.err()).contains("(HTTP 401)").contains("UNAUTHENTICATED");
        ProtocolCommandsIT.Run unknown = api("tokens", "revoke", id);
        assertThat(unknown.exit()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(unknown.err()).contains("NOT_FOUND");

        // without --out the secret alone is stdout, the description stderr
        registerLandmark("lm-tok");
        ProtocolCommandsIT.Run bound =
                api("tokens", "issue", "--name", "landmark lm-tok", "--role", "LANDMARK", "--bound-subject", "lm-tok");
        assertThat(bound.exit()).as(bound.err()).isZero();
        assertThat(bound.out().strip()).startsWith("lct_").doesNotContain(" ");
        assertThat(bound.err()).contains("LANDMARK, bound to lm-tok");
    }
}
