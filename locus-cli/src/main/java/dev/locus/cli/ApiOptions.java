package dev.locus.cli;

import dev.locus.wire.CertificatePin;
import dev.locus.wire.LocusClient;
import dev.locus.wire.ServerTrust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the control plane is, which token to use and how its TLS certificate is trusted; shared by
 * commands that go through the API. Requests go through the one API client, {@link LocusClient}.
 */
final class ApiOptions {
    @Option(
            names = "--server",
            defaultValue = "${env:LOCUS_SERVER:-http://127.0.0.1:8080}",
            description = "Control plane base URL, https://host:port (default: $LOCUS_SERVER or"
                    + " http://127.0.0.1:8080; plain http only to loopback unless --insecure-http).")
    String server;

    @Option(
            names = "--token-file",
            description = "File holding the bearer token; $LOCUS_TOKEN wins when set. Default: the newer of"
                    + " locus-data/admin-token (written by ./locus server) and locus-data/demo/demo-admin-token"
                    + " (written by ./locus demo).")
    Path tokenFile;

    @Option(
            names = "--ca-cert",
            paramLabel = "PEM",
            defaultValue = "${env:LOCUS_CA_CERT}",
            description = "Trust the server's TLS certificate when it chains to a CA in this PEM file (a self-signed"
                    + " server certificate may be given itself); default: $LOCUS_CA_CERT, else the system trust"
                    + " store.")
    Path caCert;

    @Option(
            names = "--pin",
            paramLabel = "sha256:HEX",
            defaultValue = "${env:LOCUS_PIN}",
            description = "Trust exactly the server certificate with this SHA-256 fingerprint (printed by"
                    + " ./locus server); default: $LOCUS_PIN.")
    String pin;

    @Option(
            names = "--insecure-http",
            description = "Allow a plain http:// server URL that is not loopback (the token crosses unencrypted).")
    boolean insecureHttp;

    private LocusClient client;

    /** The API client for these options (built once). */
    synchronized LocusClient client() {
        if (client == null) {
            if (caCert != null && pin != null) {
                throw new IllegalArgumentException("give --ca-cert or --pin, not both");
            }
            ServerTrust trust = pin != null
                    ? ServerTrust.pinned(CertificatePin.parse(pin))
                    : caCert != null ? ServerTrust.authorities(caCert) : ServerTrust.system();
            client = LocusClient.builder(server)
                    .token(this::token)
                    .trust(trust)
                    .insecureHttp(insecureHttp)
                    .connectTimeout(Duration.ofSeconds(10))
                    .requestTimeout(Duration.ofMinutes(10))
                    .build();
        }
        return client;
    }

    /** GET {@code path}: the body of a success. @throws dev.locus.wire.LocusApiException on a refusal */
    String get(String path) {
        return client().getText(path);
    }

    /** POST a body: the body of a success. @throws dev.locus.wire.LocusApiException on a refusal */
    String post(String path, String contentType, String body) {
        return client().postText(path, contentType, body);
    }

    /** POST a JSON body: the body of a success. @throws dev.locus.wire.LocusApiException on a refusal */
    String postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    /** Where {@code ./locus server} and {@code ./locus demo} write their admin tokens by default. */
    static final List<Path> DEFAULT_TOKEN_FILES =
            List.of(Path.of("locus-data", "admin-token"), Path.of("locus-data", "demo", "demo-admin-token"));

    private String token() {
        String env = System.getenv("LOCUS_TOKEN");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        Path file = tokenFile != null ? tokenFile : newestReadable(DEFAULT_TOKEN_FILES);
        if (file == null || !Files.isReadable(file)) {
            throw new IllegalArgumentException("no token: set LOCUS_TOKEN or pass --token-file ("
                    + (file != null ? file + " is not readable" : "neither " + DEFAULT_TOKEN_FILES + " is readable")
                    + ")");
        }
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the token in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The most recently written readable file of {@code files}; null when none is readable. */
    static Path newestReadable(List<Path> files) {
        Path newest = null;
        FileTime newestTime = null;
        for (Path f : files) {
            try {
                FileTime t = Files.getLastModifiedTime(f);
                if (Files.isReadable(f) && (newestTime == null || t.compareTo(newestTime) > 0)) {
                    newest = f;
                    newestTime = t;
                }
            } catch (IOException absent) {
                // not there: not a candidate
            }
        }
        return newest;
    }
}
