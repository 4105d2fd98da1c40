package dev.locus.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the control plane is and which token to use; shared by commands that go through the API. */
final class ApiOptions {
    @Option(
            names = "--server",
            defaultValue = "${env:LOCUS_SERVER:-http://127.0.0.1:8080}",
            description = "Control plane base URL (default: $LOCUS_SERVER or http://127.0.0.1:8080).")
    String server;

    @Option(
            names = "--token-file",
            defaultValue = "locus-data/admin-token",
            description = "File holding the bearer token (default: ${DEFAULT-VALUE}); $LOCUS_TOKEN wins when set.")
    Path tokenFile;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Reply(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private String token() throws IOException {
        Optional<String> env = Optional.ofNullable(System.getenv("LOCUS_TOKEN")).filter(s -> !s.isBlank());
        if (env.isPresent()) {
            return env.get().strip();
        }
        if (!Files.isReadable(tokenFile)) {
            throw new IllegalArgumentException(
                    "no token: set LOCUS_TOKEN or pass --token-file (" + tokenFile + " is not readable)");
        }
        return Files.readString(tokenFile).strip();
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply post(String path, String contentType, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI uri(String path) {
        return URI.create(server.replaceAll("/+$", "") + path);
    }

    private Reply send(HttpRequest.Builder b) throws IOException, InterruptedException {
        b.header("Authorization", "Bearer " + token()).timeout(Duration.ofMinutes(10));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot reach the control plane at " + server + " (is ./locus server running?)", e);
        }
    }
}
