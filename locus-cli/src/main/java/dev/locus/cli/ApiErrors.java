package dev.locus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a control plane error reply ({@code {"error":{"code","message","problems"}}}) into lines a
 * person can act on: the stable code and HTTP status first, then one line per problem naming the
 * line (for imports), field, value and what is allowed.
 */
final class ApiErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiErrors() {}

    /** The reply's error as lines; a body that is not the API's error format is shown as it came. */
    static List<String> describe(ApiOptions.Reply reply) {
        List<String> out = new ArrayList<>();
        JsonNode error;
        try {
            error = JSON.readTree(reply.body()).path("error");
        } catch (IOException e) {
            error = JSON.missingNode();
        }
        if (!error.isObject()) {
            String body = reply.body().strip();
            out.add("HTTP " + reply.status() + (body.isEmpty() ? "" : ": " + abbreviate(body, 500)));
            return out;
        }
        out.add(error.path("code").asText("UNKNOWN") + " (HTTP " + reply.status() + "): "
                + error.path("message").asText(""));
        for (JsonNode p : error.path("problems")) {
            int line = p.path("line").asInt(0);
            out.add("  " + (line > 0 ? "line " + line + ": " : "")
                    + p.path("field").asText("?") + " " + p.path("message").asText("") + ", got '"
                    + p.path("value").asText("") + "'");
        }
        return out;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
