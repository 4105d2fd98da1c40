package dev.locus.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The API client's rules for URLs and trust, and how it reads the API's answers (a real HTTP server). */
class LocusClientTest {

    @Test
    void plainHttpToAHostThatIsNotLoopback_isRefusedUnlessForced() {
        assertThatThrownBy(() -> LocusClient.builder("http://192.0.2.10:8080").build())
                .isInstanceOf(LocusWireException.class)
                .hasMessageContaining("refusing plain HTTP to http://192.0.2.10:8080")
                .hasMessageContaining("--insecure-http");
        assertThat(LocusClient.builder("http://192.0.2.10:8080")
                        .insecureHttp(true)
                        .build()
                        .base())
                .hasToString("http://192.0.2.10:8080");
        assertThat(LocusClient.builder("http://127.0.0.1:8080/").build().base()).hasToString("http://127.0.0.1:8080");
    }

    @Test
    void pinOrCaWithAPlainHttpUrl_isRefused_noSilentDowngrade() {
        ServerTrust pin = ServerTrust.pinned(CertificatePin.parse("ab".repeat(32)));
        assertThatThrownBy(() ->
                        LocusClient.builder("http://127.0.0.1:8080").trust(pin).build())
                .isInstanceOf(LocusWireException.class)
                .hasMessageContaining("need an https:// server URL");
    }

    @Test
    void urlsThatAreNotHttp_areRefusedNamingTheValue() {
        assertThatThrownBy(() -> LocusClient.builder("ftp://cp.example:21"))
                .isInstanceOf(LocusWireException.class)
                .hasMessageContaining("'ftp://cp.example:21'");
        assertThatThrownBy(() -> LocusClient.builder("cp.example:8443"))
                .isInstanceOf(LocusWireException.class)
                .hasMessageContaining("https://host:port");
    }

    @Test
    void sendsTheBearerToken_andTurnsTheApiErrorBodyIntoAStableException() throws Exception {
        AtomicReference<String> auth = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/chips", ex -> {
            auth.set(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"error\":{\"code\":\"VALIDATION_FAILED\",\"message\":\"request has 1 invalid field(s)\","
                            + "\"problems\":[{\"line\":0,\"field\":\"serial\",\"value\":\"\",\"message\":\"is required\"}]}}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(422, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            LocusClient client = LocusClient.builder(
                            "http://127.0.0.1:" + server.getAddress().getPort())
                    .token("t0ken")
                    .build();
            assertThatThrownBy(() -> client.postJson("/api/v1/chips", java.util.Map.of("model", "H100")))
                    .isInstanceOfSatisfying(LocusApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.error().code()).isEqualTo("VALIDATION_FAILED");
                        assertThat(e.error().problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.field()).isEqualTo("serial"));
                        assertThat(e.getMessage())
                                .contains("POST http://127.0.0.1:")
                                .contains("/api/v1/chips answered HTTP 422: VALIDATION_FAILED");
                    });
            assertThat(auth.get()).isEqualTo("Bearer t0ken");
            assertThat(client.withToken("other").get("/api/v1/chips").status()).isEqualTo(422);
            assertThat(auth.get()).isEqualTo("Bearer other");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void nobodyListening_isAConnectionErrorNamingTheServer() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LocusClient client =
                LocusClient.builder("http://127.0.0.1:" + port).token("t").build();
        assertThatThrownBy(() -> client.getJson("/health"))
                .isInstanceOf(LocusConnectionException.class)
                .hasMessageContaining("cannot reach the control plane at http://127.0.0.1:" + port);
    }

    @Test
    void apiErrorDescribe_listsCodeThenProblems_andShowsForeignBodiesAsTheyCame() {
        String body = "{\"error\":{\"code\":\"VALIDATION_FAILED\",\"message\":\"bad\","
                + "\"problems\":[{\"line\":3,\"field\":\"latitude_deg\",\"value\":\"91\",\"message\":\"must be in [-90, 90]\"}]}}";
        assertThat(ApiError.describe(422, body))
                .containsExactly(
                        "VALIDATION_FAILED (HTTP 422): bad", "  line 3: latitude_deg must be in [-90, 90], got '91'");
        assertThat(ApiError.describe(502, "<html>bad gateway</html>"))
                .containsExactly("HTTP 502: <html>bad gateway</html>");
    }
}
