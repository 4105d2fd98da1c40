package dev.locus.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.server.ControlPlane;
import dev.locus.server.LocusServerException;
import dev.locus.server.ServerConfig;
import dev.locus.wire.CertificatePin;
import dev.locus.wire.LocusApiException;
import dev.locus.wire.LocusClient;
import dev.locus.wire.LocusConnectionException;
import dev.locus.wire.ServerTrust;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over TLS with a real Jetty connector and the one API client: pinned and CA clients get
 * through, a wrong pin, the system trust store and plain HTTP do not, only TLS 1.3/1.2 is spoken, and
 * plain HTTP is refused on a non-loopback bind unless forced.
 */
class TlsApiIT {

    @TempDir
    Path dir;

    private ControlPlane startTls() {
        TlsCredentials tls = SelfSignedTls.ensure(dir, List.of());
        return ControlPlane.start(
                ServerConfig.builder(dir)
                        .port(0)
                        .transport(ApiTransport.tls(tls))
                        .build(),
                InstantSource.system());
    }

    private String admin() throws Exception {
        return Files.readString(dir.resolve(ControlPlane.ADMIN_TOKEN_FILE)).strip();
    }

    private String fingerprint() {
        return SelfSignedTls.ensure(dir, List.of()).fingerprint();
    }

    @Test
    void pinnedAndCaClients_reachTheApiOverTls_withTheirToken() throws Exception {
        try (ControlPlane cp = startTls()) {
            String base = "https://127.0.0.1:" + cp.port();
            LocusClient pinned = LocusClient.builder(base)
                    .token(admin())
                    .trust(ServerTrust.pinned(CertificatePin.parse(fingerprint())))
                    .build();
            assertThat(pinned.getJson("/health").path("status").asText()).isEqualTo("UP");
            assertThat(pinned.getJson("/api/v1/alerts").path("items").isArray()).isTrue();

            // the certificate file as the trust anchor; the host name is checked (localhost and 127.0.0.1 are named)
            for (String host : List.of("127.0.0.1", "localhost")) {
                LocusClient ca = LocusClient.builder("https://" + host + ":" + cp.port())
                        .token(admin())
                        .trust(ServerTrust.authorities(dir.resolve(SelfSignedTls.CERT_FILE)))
                        .build();
                assertThat(ca.getJson("/health").path("status").asText()).isEqualTo("UP");
            }
            // TLS carries the API's own errors unchanged
            assertThatThrownBy(() -> pinned.withToken("not-a-token").getJson("/api/v1/alerts"))
                    .isInstanceOfSatisfying(LocusApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.error().code()).isEqualTo("UNAUTHENTICATED");
                    });
        }
    }

    @Test
    void wrongPin_untrustedCertificate_andPlainHttp_areRefusedBeforeAnyRequest() throws Exception {
        try (ControlPlane cp = startTls()) {
            String base = "https://127.0.0.1:" + cp.port();
            String wrong = "sha256:" + "ab".repeat(32);
            LocusClient wrongPin = LocusClient.builder(base)
                    .token(admin())
                    .trust(ServerTrust.pinned(CertificatePin.parse(wrong)))
                    .build();
            assertThatThrownBy(() -> wrongPin.getJson("/health"))
                    .isInstanceOf(LocusConnectionException.class)
                    .hasMessageContaining("TLS handshake failed")
                    .hasMessageContaining("does not match the pinned " + wrong)
                    .hasMessageContaining(fingerprint());

            LocusClient system = LocusClient.builder(base).token(admin()).build();
            assertThatThrownBy(() -> system.getJson("/health"))
                    .isInstanceOf(LocusConnectionException.class)
                    .hasMessageContaining("TLS handshake failed")
                    .hasMessageContaining("certification path");

            LocusClient plain = LocusClient.builder("http://127.0.0.1:" + cp.port())
                    .token(admin())
                    .build();
            assertThatThrownBy(() -> plain.getJson("/health")).isInstanceOf(LocusConnectionException.class);
        }
    }

    @Test
    void onlyTls13And12AreSpoken() throws Exception {
        try (ControlPlane cp = startTls()) {
            var context =
                    ServerTrust.pinned(CertificatePin.parse(fingerprint())).sslContext();
            for (String version : List.of("TLSv1.3", "TLSv1.2")) {
                try (SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", cp.port())) {
                    s.setEnabledProtocols(new String[] {version});
                    s.startHandshake();
                    assertThat(s.getSession().getProtocol()).isEqualTo(version);
                }
            }
        }
    }

    @Test
    void plainHttpOnANonLoopbackAddress_isRefusedUnlessForced() throws Exception {
        ServerConfig open =
                ServerConfig.builder(dir).port(0).bindAddress("0.0.0.0").build();
        assertThatThrownBy(() -> ControlPlane.start(open, InstantSource.system()))
                .isInstanceOf(LocusServerException.class)
                .hasMessageContaining("refusing to serve the API in plain HTTP on 0.0.0.0")
                .hasMessageContaining("--tls-cert")
                .hasMessageContaining("--insecure-http");

        ServerConfig forced =
                open.toBuilder().transport(ApiTransport.plainForced()).build();
        try (ControlPlane cp = ControlPlane.start(forced, InstantSource.system())) {
            LocusClient local = LocusClient.builder("http://127.0.0.1:" + cp.port())
                    .token(admin())
                    .build();
            assertThat(local.getJson("/health").path("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void loopbackPlainHttp_staysAvailableForTestsAndLocalUse() throws Exception {
        try (ControlPlane cp =
                ControlPlane.start(ServerConfig.builder(dir).port(0).build(), InstantSource.system())) {
            LocusClient local = LocusClient.builder("http://127.0.0.1:" + cp.port())
                    .token(admin())
                    .build();
            assertThat(local.getJson("/health").path("status").asText()).isEqualTo("UP");
        }
    }
}
