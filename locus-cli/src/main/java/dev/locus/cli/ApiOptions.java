package dev.locus.cli;

import dev.locus.wire.CertificatePin;
import dev.locus.wire.LocusClient;
import dev.locus.wire.ServerTrust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
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
            defaultValue = "locus-data/admin-token",
            description = "File holding the bearer token (default: ${DEFAULT-VALUE}); $LOCUS_TOKEN wins when set.")
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

    private String token() {
        Optional<String> env = Optional.ofNullable(System.getenv("LOCUS_TOKEN")).filter(s -> !s.isBlank());
        if (env.isPresent()) {
            return env.get().strip();
        }
        if (!Files.isReadable(tokenFile)) {
            throw new IllegalArgumentException(
                    "no token: set LOCUS_TOKEN or pass --token-file (" + tokenFile + " is not readable)");
        }
        try {
            return Files.readString(tokenFile).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the token in " + tokenFile + ": " + e.getMessage(), e);
        }
    }

    LocusClient.Reply get(String path) {
        return client().get(path);
    }

    LocusClient.Reply post(String path, String contentType, String body) {
        return client().post(path, contentType, body);
    }
}
