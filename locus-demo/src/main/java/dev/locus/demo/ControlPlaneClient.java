package dev.locus.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.wire.LocusClient;
import dev.locus.wire.LocusWireException;
import java.net.URI;

/**
 * The demo's view of the control plane's REST API: the one API client ({@link LocusClient}, over
 * HTTPS pinned to the demo's certificate), with the demo's exception.
 */
final class ControlPlaneClient {
    private final LocusClient client;

    ControlPlaneClient(LocusClient client) {
        this.client = client;
    }

    URI base() {
        return client.base();
    }

    /** POSTs a JSON body; returns the response body, or throws naming the path and the API's error. */
    JsonNode post(String path, String token, Object body) {
        try {
            return client.withToken(token).postJson(path, body);
        } catch (LocusWireException e) {
            throw new DemoException(e.getMessage(), e);
        }
    }

    JsonNode get(String path, String token) {
        try {
            return client.withToken(token).getJson(path);
        } catch (LocusWireException e) {
            throw new DemoException(e.getMessage(), e);
        }
    }
}
