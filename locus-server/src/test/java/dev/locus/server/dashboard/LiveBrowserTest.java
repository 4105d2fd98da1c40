package dev.locus.server.dashboard;

import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.server.ServerConfig;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A class of browser tests against one live control plane: its {@code @BeforeAll} starts the
 * server with {@link #startServer} and opens the {@link #browser} when it needs it; both are closed
 * after the last test, and a failing test leaves a screenshot FAILED-{prefix}{test method}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LiveBrowserTest {
    LiveServer server;
    Http http;
    String admin;
    Browser browser;

    @RegisterExtension
    final TestWatcher screenshotFailures;

    /** @param screenshotPrefix how the names of failure screenshots start */
    LiveBrowserTest(String screenshotPrefix) {
        screenshotFailures = Browser.screenshotOnFailure(screenshotPrefix, () -> browser);
    }

    /** Starts the server (see {@link LiveServer#start}) and keeps its HTTP client and admin token. */
    final void startServer(String name, UnaryOperator<ServerConfig> config) throws IOException {
        server = LiveServer.start(name, config);
        http = server.http();
        admin = server.admin();
    }

    /**
     * Starts the server like {@link #startServer}, trusting a fresh manufacturer CA (valid a year)
     * named {@code caName} for device certificates, after {@code config}.
     *
     * @return the CA, to issue device keys the server accepts
     */
    final CertificateAuthority startServerTrustingNewManufacturer(
            String name, String caName, UnaryOperator<ServerConfig> config) throws IOException {
        CertificateAuthority manufacturer =
                CertificateAuthority.create(caName, Duration.ofDays(365), InstantSource.system(), new SecureRandom());
        startServer(
                name,
                c -> config.apply(c).toBuilder()
                        .manufacturerCas(List.of(manufacturer.certificate()))
                        .build());
        return manufacturer;
    }

    @AfterAll
    void stop() throws Exception {
        Browser.closeAll(browser, server);
    }
}
