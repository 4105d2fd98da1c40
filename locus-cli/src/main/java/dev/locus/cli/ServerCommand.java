package dev.locus.cli;

import dev.locus.protocol.identity.Certificates;
import dev.locus.server.ControlPlane;
import dev.locus.server.ServerConfig;
import dev.locus.server.tls.ApiTransport;
import dev.locus.server.tls.SelfSignedTls;
import dev.locus.server.tls.TlsCredentials;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the control plane (registry, ingestion, verdicts, alerts, REST API, dashboard).",
            "Serves the REST API (OpenAPI at /api/v1/openapi.json, Prometheus metrics at /metrics, health at /health).",
            "Every endpoint needs a bearer token; a fresh installation writes an admin token to",
            "<data-dir>/admin-token. Ctrl-C stops it cleanly."
        })
final class ServerCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions db;

    @Mixin
    NotificationOptions notifications;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free).")
    int port;

    @Mixin
    BindAddress bind;

    @Option(
            names = "--assessment-threads",
            description = "chips assessed in parallel (default: half the processors, at least 1)")
    Integer assessmentThreads;

    @Option(
            names = "--restricted",
            split = ",",
            defaultValue = "CN,HK,MO",
            paramLabel = "CC",
            description = "Restricted jurisdictions, comma-separated ISO 3166-1 alpha-2 codes with a boundary in the"
                    + " bundled Natural Earth data (default: ${DEFAULT-VALUE}). The verdict engine proves chips"
                    + " outside or inside them, the dashboard shades them, GET /api/v1/policy shows them.")
    List<String> restricted;

    @Option(
            names = "--tolerate-liars",
            paramLabel = "F",
            defaultValue = "1",
            description = "Verdicts stay true if any F landmark operators publish wrong positions (default:"
                    + " ${DEFAULT-VALUE}; 0 assumes every landmark is honest). GET /api/v1/policy shows it.")
    int tolerateLiars;

    @Option(
            names = "--manufacturer-ca",
            paramLabel = "FILE",
            description = "PEM file of a manufacturer CA certificate (e.g. ca/ca.pem from 'locus ca init') trusted"
                    + " to vouch for chips' device certificates; repeatable. Without one, chips register without"
                    + " a certificate.")
    List<Path> manufacturerCas = new ArrayList<>();

    @Option(
            names = "--tls-cert",
            paramLabel = "PEM",
            description = "Serve the API over TLS 1.3/1.2 with this certificate chain (PEM, server certificate"
                    + " first); needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The certificate's private key (PEM, PKCS#8).")
    Path tlsKey;

    @Option(
            names = "--tls-self-signed",
            description = "Serve over TLS with a self-signed certificate kept in the data directory (tls-cert.pem,"
                    + " tls-key.pem, mode 600; made on first use); clients pin the fingerprint printed at start.")
    boolean tlsSelfSigned;

    @Option(
            names = "--insecure-http",
            description = "Allow plain HTTP on an address that is not loopback (bearer tokens cross the network"
                    + " unencrypted; a warning is printed). Without it such a bind is refused.")
    boolean insecureHttp;

    @Option(
            names = "--screening-lists",
            paramLabel = "DIR",
            defaultValue = "${env:LOCUS_SCREENING_LISTS}",
            description = "Screen parties against the official-format list files in DIR (sdn.csv+alt.csv+add.csv in"
                    + " any sub-folder, UN *.xml, dpl*.txt, csl*.csv: what 'locus screen --lists' reads) instead of"
                    + " the bundled copies; 'locus screening reload' reads them again (default: $LOCUS_SCREENING_LISTS,"
                    + " else the bundled lists).")
    Path screeningLists;

    private ApiTransport transport() {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together; give both");
        }
        if (tlsCert != null && tlsSelfSigned) {
            throw new IllegalArgumentException("give either --tls-cert/--tls-key or --tls-self-signed, not both");
        }
        if ((tlsCert != null || tlsSelfSigned) && insecureHttp) {
            throw new IllegalArgumentException("--insecure-http contradicts TLS; drop one of them");
        }
        if (tlsCert != null) {
            return ApiTransport.tls(TlsCredentials.load(tlsCert, tlsKey));
        }
        if (tlsSelfSigned) {
            return ApiTransport.tls(SelfSignedTls.ensure(db.dataDir, List.of(bind.address, localHostName())));
        }
        return insecureHttp ? ApiTransport.plainForced() : ApiTransport.plainLoopbackOnly();
    }

    /** This machine's name, for the self-signed certificate (empty when it has none). */
    private static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        List<X509Certificate> cas = new ArrayList<>();
        for (Path file : manufacturerCas) {
            cas.addAll(Certificates.readPem(file));
        }
        ServerConfig.Builder b = ServerConfig.builder(db.dataDir)
                .database(db.config())
                .port(port)
                .bindAddress(bind.address)
                .restrictedJurisdictions(restricted)
                .toleratedLiars(tolerateLiars)
                .manufacturerCas(cas)
                .transport(transport())
                .notifications(notifications.settings());
        if (assessmentThreads != null) {
            b.assessmentThreads(assessmentThreads);
        }
        if (screeningLists != null) {
            b.screeningLists(screeningLists);
        }
        ServerConfig config = b.build();
        ControlPlane cp = ControlPlane.start(config, InstantSource.system());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            cp.close();
                            stopped.countDown();
                        },
                        "locus-shutdown"));
        String scheme = config.transport().scheme();
        System.out.printf(
                "Locus control plane on %s://%s:%d (database: %s; restricted: %s; tolerated liars: %d)%n",
                scheme,
                bind.address,
                cp.port(),
                config.database().safeUrl(),
                String.join(",", config.restrictedJurisdictions()),
                config.toleratedLiars());
        switch (config.transport()) {
            case ApiTransport.Tls tls ->
                System.out.printf(
                        "TLS certificate %s (%s); clients: --pin %s%n",
                        tls.credentials().fingerprint(),
                        tls.credentials()
                                .certificate()
                                .getSubjectX500Principal()
                                .getName(),
                        tls.credentials().fingerprint());
            case ApiTransport.Plain plain -> {
                if (plain.anyAddress()) {
                    System.err.println("locus server: WARNING: plain HTTP on " + bind.address
                            + " (--insecure-http): bearer tokens cross the network unencrypted");
                }
            }
        }
        for (X509Certificate ca : cas) {
            System.out.printf(
                    "Trusted manufacturer CA: %s (%s)%n",
                    ca.getSubjectX500Principal().getName(), Certificates.fingerprint(ca));
        }
        System.out.printf(
                "Admin token: %s (if this installation created one). Try:%n"
                        + "  curl %s-H \"Authorization: Bearer $(cat %s)\" %s://%s:%d/api/v1/alerts%n",
                db.dataDir.resolve(ControlPlane.ADMIN_TOKEN_FILE),
                scheme.equals("https") && tlsSelfSigned
                        ? "--cacert " + db.dataDir.resolve(SelfSignedTls.CERT_FILE) + " "
                        : "",
                db.dataDir.resolve(ControlPlane.ADMIN_TOKEN_FILE),
                scheme,
                bind.address,
                cp.port());
        stopped.await();
        return 0;
    }
}
