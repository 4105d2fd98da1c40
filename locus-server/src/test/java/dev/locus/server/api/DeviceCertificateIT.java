package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.server.DevicePki;
import dev.locus.server.TestDatabases;
import dev.locus.server.ingest.ReceiptJson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chips registered over HTTP with CA-issued device certificates, and landmark-signed receipts with
 * real device proofs checked against them, on a control plane configured with the manufacturer CA.
 */
class DeviceCertificateIT {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static final String MODEL = "NVIDIA H100 80GB HBM3";

    @TempDir
    Path dataDir;

    // the server runs on the system clock: the CA issues its certificates now
    private final DevicePki pki = new DevicePki(51, Instant.now());

    private static Map<String, Object> chip(String serial, String certificate) {
        return Map.of("serial", serial, "model", MODEL, "declared_site_id", "sg-1", "device_certificate", certificate);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void certifiedChip_registersOverHttp_andItsReceiptsAreCheckedAgainstTheCertificate(String engine) throws Exception {
        Pkcs12DeviceKey device = pki.device("GPU-CERT-1", MODEL);
        Pkcs12DeviceKey sameSerialOtherKey = pki.device("GPU-CERT-1", MODEL);
        Pkcs12DeviceKey fromOtherCa =
                pki.device(pki.ca("Other CA", Instant.now()), "GPU-CERT-2", MODEL, Duration.ofDays(30));
        Instant now = Instant.now();
        try (LocalServer server = LocalServer.start(
                dataDir,
                engine,
                c -> c.toBuilder()
                        .manufacturerCas(List.of(pki.ca.certificate()))
                        .build())) {
            ApiClient api = server.api();
            String admin = server.admin();
            org(api, admin);

            ApiClient.Response created = api.postJson(
                    "/api/v1/chips",
                    admin,
                    chip("GPU-CERT-1", Certificates.toPem(device.identity().certificate())));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            JsonNode cert = api.get("/api/v1/chips/GPU-CERT-1", Optional.of(admin))
                    .body()
                    .path("device_certificate");
            assertThat(cert.path("sha256").asText())
                    .isEqualTo(device.identity().fingerprint().toHex());
            assertThat(cert.path("subject").asText()).contains("SERIALNUMBER=GPU-CERT-1");
            assertThat(cert.path("issuer").asText()).isEqualTo("CN=Test manufacturer CA,O=Locus");

            ApiClient.Response refused = api.postJson(
                    "/api/v1/chips",
                    admin,
                    chip("GPU-CERT-2", Certificates.toPem(fromOtherCa.identity().certificate())));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.body()
                            .path("error")
                            .path("problems")
                            .get(0)
                            .path("field")
                            .asText())
                    .isEqualTo("device_certificate");

            String csv = "serial,model,device_certificate,declared_site_id\nGPU-CERT-3,H200,\""
                    + Certificates.toPem(
                            pki.device("GPU-CERT-3", MODEL).identity().certificate()) + "\",sg-1\n";
            ApiClient.Response imported = api.post("/api/v1/imports/chips", Optional.of(admin), "text/csv", csv);
            assertThat(imported.code()).isEqualTo("IMPORT_REJECTED");
            JsonNode problem = imported.body().path("error").path("problems").get(0);
            assertThat(problem.path("line").asInt()).isEqualTo(2);
            assertThat(problem.path("message").asText())
                    .isEqualTo("binds model '" + MODEL + "', not this row's 'H200'");

            ApiClient.Response accepted =
                    api.postJson("/api/v1/receipts", admin, ReceiptJson.toJson(pki.receipt(device, now)));
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
            assertThat(accepted.body().path("status").asText()).isEqualTo("ACCEPTED");

            ApiClient.Response rejected =
                    api.postJson("/api/v1/receipts", admin, ReceiptJson.toJson(pki.receipt(sameSerialOtherKey, now)));
            assertThat(rejected.code()).isEqualTo("RECEIPT_REJECTED");
            assertThat(rejected.body()
                            .path("error")
                            .path("problems")
                            .get(0)
                            .path("reason")
                            .asText())
                    .isEqualTo("DEVICE_CERTIFICATE");
            JsonNode stored = api.get("/api/v1/receipts?chip_serial=GPU-CERT-1&status=REJECTED", Optional.of(admin))
                    .body()
                    .path("items");
            assertThat(stored).hasSize(1);
            assertThat(stored.get(0).path("rejection_reason").asText()).isEqualTo("DEVICE_CERTIFICATE");
            assertThat(stored.get(0).path("rejection_detail").asText())
                    .contains(sameSerialOtherKey.identity().fingerprint().toHex());
        }
    }

    private void org(ApiClient api, String admin) {
        Registrations registry = new Registrations(api, admin);
        registry.organisations("SG DC");
        registry.singaporeSite(50);
        registry.landmark(
                "lm-sg",
                "Singapore landmark",
                DevicePki.LM_SG.latitudeDegrees(),
                DevicePki.LM_SG.longitudeDegrees(),
                pki.landmarkPublicKey().toBase64());
    }
}
