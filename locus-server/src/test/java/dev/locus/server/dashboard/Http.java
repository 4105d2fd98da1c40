package dev.locus.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.server.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for the dashboard's integration tests (real sockets). */
final class Http {
    static final ObjectMapper JSON = Json.mapper();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    record Response(int status, String text) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (HTTP " + status + "): " + text, e);
            }
        }
    }

    Http(String base) {
        this.base = base;
    }

    Response get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    Response post(String path, String token, Object body) {
        try {
            return send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
                    token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts a text body (e.g. CSV) and insists on a 2xx answer. */
    JsonNode okText(String path, String token, String contentType, String body) {
        Response r = send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                token);
        if (r.status() / 100 != 2) {
            throw new AssertionError("POST " + path + " answered " + r.status() + ": " + r.text());
        }
        return r.json();
    }

    /** Posts and insists on a 2xx answer. */
    JsonNode ok(String path, String token, Object body) {
        Response r = post(path, token, body);
        if (r.status() / 100 != 2) {
            throw new AssertionError("POST " + path + " answered " + r.status() + ": " + r.text());
        }
        return r.json();
    }

    private Response send(HttpRequest.Builder b, String token) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r =
                    client.send(b.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
