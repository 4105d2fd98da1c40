package dev.locus.cli;

import static dev.locus.cli.ProtocolCommandsIT.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.landmark.LandmarkConfig;
import dev.locus.landmark.LandmarkServer;
import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.IdentityVerifier;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.server.ControlPlane;
import dev.locus.server.ServerConfig;
import dev.locus.server.tls.ApiTransport;
import dev.locus.server.tls.SelfSignedTls;
import dev.locus.server.tls.TlsCredentials;
import dev.locus.sim.relay.DelayRelay;
import dev.locus.wire.CertificatePin;
import dev.locus.wire.IssuedToken;
import dev.locus.wire.LocusClient;
import dev.locus.wire.RegistryValues;
import dev.locus.wire.ServerTrust;
import dev.locus.wire.TokenRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent submitting its receipts live to a running control plane over HTTPS (its certificate
 * pinned) with a token bound to its chip, and the control plane turning them into a verdict; a token
 * bound to another chip is refused, and so is a control plane whose certificate is not the pinned or
 * trusted one.
 * The chip is imported with the device certificate `ca issue-device` issued, and the control plane
 * trusts the CA: each receipt's certificate and device proof are checked against it.
 */
class AgentSubmitIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private LocusClient http;

    @Test
    void agentSubmitsWithItsBoundToken_andTheChipVerifies(@TempDir Path dir) throws Exception {
        LandmarkKey key = CliPki.issue(dir, "SN-LIVE-1", "NVIDIA H100");
        IdentityVerifier ids = new IdentityVerifier(
                Certificates.readPem(dir.resolve("ca/ca.pem")).get(0), Set.of(), InstantSource.system());

        Path cpDir = dir.resolve("cp");
        // the control plane trusts the CA that `ca init` made, as `server --manufacturer-ca ca/ca.pem` does
        ServerConfig config = ServerConfig.builder(cpDir)
                .port(0)
                .manufacturerCas(Certificates.readPem(dir.resolve("ca/ca.pem")))
                .toleratedLiars(0) // one landmark: it can only prove anything if assumed honest
                .transport(ApiTransport.tls(SelfSignedTls.ensure(cpDir, List.of())))
                .build();
        TlsCredentials tls = ((ApiTransport.Tls) config.transport()).credentials();
        String pin = tls.fingerprint();
        String caCert = cpDir.resolve(SelfSignedTls.CERT_FILE).toString();
        try (ControlPlane cp = ControlPlane.start(config, InstantSource.system());
                LandmarkServer lm =
                        LandmarkServer.start(LandmarkConfig.builder(key, ids).build());
                DelayRelay link = CliPki.halfMillisecondLink(lm, "it-submit")) {
            String base = "https://127.0.0.1:" + cp.port();
            String admin = Files.readString(cpDir.resolve(ControlPlane.ADMIN_TOKEN_FILE))
                    .strip();
            http = LocusClient.builder(base)
                    .trust(ServerTrust.pinned(CertificatePin.parse(pin)))
                    .build();
            post(
                    base,
                    admin,
                    "/api/v1/organisations",
                    Map.of("id", "op", "name", "Op", "kind", "CLOUD_OPERATOR", "country", "SG"));
            post(
                    base,
                    admin,
                    "/api/v1/sites",
                    Map.of(
                            "id",
                            "sg-1",
                            "name",
                            "SG 1",
                            "operator_id",
                            "op",
                            "country",
                            "SG",
                            "latitude_deg",
                            1.35,
                            "longitude_deg",
                            103.8,
                            "zone_radius_km",
                            500));
            // SN-LIVE-1 is imported with the certificate `ca issue-device` wrote (a PEM spanning lines of the
            // CSV), so the control plane checks every receipt's device certificate and the chip's own proof
            // of the timed round against it (ReceiptIngestorTest shows the refusals).
            Path pem = dir.resolve("devices/SN-LIVE-1.pem");
            Path chips = dir.resolve("chips.csv");
            Files.writeString(
                    chips,
                    "serial,model,declared_site_id,device_certificate\nSN-LIVE-1,NVIDIA H100,sg-1,\""
                            + Files.readString(pem) + "\"\n");
            ProtocolCommandsIT.Run imported = run(
                    "import",
                    "chips",
                    chips.toString(),
                    "--server",
                    base,
                    "--ca-cert",
                    caCert,
                    "--token-file",
                    cpDir.resolve(ControlPlane.ADMIN_TOKEN_FILE).toString());
            assertThat(imported.exit()).as(imported.err()).isZero();
            assertThat(get(base, admin, "/api/v1/chips/SN-LIVE-1")
                            .path("device_certificate")
                            .path("sha256")
                            .asText())
                    .isEqualTo(
                            Certificates.fingerprint(Certificates.readPem(pem).get(0))
                                    .toHex());
            post(
                    base,
                    admin,
                    "/api/v1/chips",
                    Map.of("serial", "SN-OTHER", "model", "NVIDIA H100", "declared_site_id", "sg-1"));
            post(
                    base,
                    admin,
                    "/api/v1/landmarks",
                    Map.of(
                            "id",
                            "sg1",
                            "name",
                            "Singapore",
                            "latitude_deg",
                            1.3667,
                            "longitude_deg",
                            103.75,
                            "public_key",
                            Base64.getEncoder()
                                    .encodeToString(Ed25519Keys.rawPublicKey(
                                            key.identity().certificate().getPublicKey()))));
            Path own = token(base, admin, "SN-LIVE-1", dir.resolve("own-token"));
            Path other = token(base, admin, "SN-OTHER", dir.resolve("other-token"));
            String landmark = "127.0.0.1:" + link.address().getPort();

            ProtocolCommandsIT.Run refused = agentSubmitting(dir, landmark, base, other, "r0.jsonl", "--pin", pin);
            assertThat(refused.exit()).isNotZero();
            assertThat(refused.err()).contains("bound to chip SN-OTHER");

            JsonNode before = get(base, admin, "/api/v1/receipts?chip_serial=SN-LIVE-1&limit=500");
            String wrongPin = "sha256:" + "00".repeat(32);
            ProtocolCommandsIT.Run wrong =
                    agentSubmitting(dir, landmark, base, own, "r-untrusted.jsonl", "--pin", wrongPin);
            assertThat(wrong.exit()).isNotZero();
            assertThat(wrong.err())
                    .contains("TLS handshake failed")
                    .contains("does not match the pinned " + wrongPin)
                    .contains(pin);
            ProtocolCommandsIT.Run untrusted = agentSubmitting(dir, landmark, base, own, "r-untrusted.jsonl");
            assertThat(untrusted.exit()).isNotZero();
            assertThat(untrusted.err()).contains("TLS handshake failed").contains("certification path");
            assertThat(get(base, admin, "/api/v1/receipts?chip_serial=SN-LIVE-1&limit=500"))
                    .as("nothing reached the control plane over an untrusted connection")
                    .isEqualTo(before);

            ProtocolCommandsIT.Run ok = agentSubmitting(dir, landmark, base, own, "r1.jsonl", "--pin", pin);
            assertThat(ok.exit()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("SN-LIVE-1: 1 receipts submitted, 1 accepted, 0 rejected");

            JsonNode items = JSON.createArrayNode();
            for (int i = 0; i < 100 && items.isEmpty(); i++) {
                Thread.sleep(100);
                items = get(base, admin, "/api/v1/chips/SN-LIVE-1/verdicts").path("items");
            }
            assertThat(items).isNotEmpty();
            assertThat(items.get(items.size() - 1).path("verdicts").toString())
                    .contains("IN_ZONE")
                    .contains("EXCLUDES_RESTRICTED");
        }
    }

    private Path token(String base, String admin, String serial, Path file) throws Exception {
        IssuedToken t = http.withToken(admin)
                .issueToken(TokenRequest.bound("agent " + serial, RegistryValues.Role.AGENT, serial));
        assertThat(t.boundSubject()).isEqualTo(serial);
        Files.writeString(file, t.token());
        return file;
    }

    /** {@code locus agent ... --submit} writing {@code dir/out}; {@code trust} adds --pin or --ca-cert. */
    private ProtocolCommandsIT.Run agentSubmitting(
            Path dir, String landmark, String base, Path token, String out, String... trust) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "agent",
                "--device-keys",
                dir.resolve("devices").toString(),
                "--landmarks",
                landmark,
                "--rounds",
                "3",
                "--out",
                dir.resolve(out).toString(),
                "--ca",
                dir.resolve("ca/ca.pem").toString(),
                "--nvidia-smi",
                "/nonexistent/nvidia-smi",
                "--submit",
                "--server",
                base,
                "--token-file",
                token.toString()));
        args.addAll(List.of(trust));
        return run(args.toArray(String[]::new));
    }

    private JsonNode post(String base, String token, String path, Object body) {
        return http.withToken(token).postJson(path, body);
    }

    private JsonNode get(String base, String token, String path) {
        return http.withToken(token).getJson(path);
    }
}
