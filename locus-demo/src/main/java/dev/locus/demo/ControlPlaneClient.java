package dev.locus.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client of the control plane's REST API, as agents and operators use it. */
final class ControlPlaneClient {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;

    ControlPlaneClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    URI base() {
        return base;
    }

    /** POSTs a JSON body; returns the response body, or throws naming the path and the API's error. */
    JsonNode post(String path, String token, Object body) {
        try {
            HttpRequest req = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            return send(req, path);
        } catch (IOException e) {
            throw new DemoException("POST " + path + " failed: " + e.getMessage(), e);
        }
    }

    JsonNode get(String path, String token) {
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return send(req, path);
    }

    private JsonNode send(HttpRequest req, String path) {
        try {
            HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = res.body().length == 0 ? json.createObjectNode() : json.readTree(res.body());
            if (res.statusCode() >= 300) {
                throw new DemoException(req.method() + " " + path + " answered " + res.statusCode() + ": " + body);
            }
            return body;
        } catch (IOException e) {
            throw new DemoException(req.method() + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException(req.method() + " " + path + " interrupted", e);
        }
    }
}
