package dev.locus.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The control plane's error body, {@code {"error":{"code","message","problems"}}}: a stable code
 * (such as {@code VALIDATION_FAILED}), a safe message, and one entry per field at fault.
 *
 * @param code the stable error code, e.g. {@code UNAUTHENTICATED}
 * @param message what went wrong, for a person
 * @param problems the fields at fault (empty when the error concerns the whole request)
 */
public record ApiError(String code, String message, List<FieldProblem> problems) {

    /**
     * One bad field.
     *
     * @param line 1-based line or record number in a bulk input; 0 for a single request
     * @param field the field as named in the input
     * @param value the offending value as given (possibly truncated), empty when missing
     * @param message what was allowed
     */
    public record FieldProblem(int line, String field, String value, String message) {
        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + field + " " + message + ", got '" + value + "'";
        }
    }

    public ApiError {
        problems = List.copyOf(problems);
    }

    /** The error in {@code body}, if it is the API's error format. */
    public static Optional<ApiError> parse(String body) {
        JsonNode error;
        try {
            error = WireJson.mapper().readTree(body).path("error");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (!error.isObject() || !error.path("code").isTextual()) {
            return Optional.empty();
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (JsonNode p : error.path("problems")) {
            problems.add(new FieldProblem(
                    p.path("line").asInt(0),
                    p.path("field").asText("?"),
                    p.path("value").asText(""),
                    p.path("message").asText("")));
        }
        return Optional.of(
                new ApiError(error.path("code").asText(), error.path("message").asText(""), problems));
    }

    /**
     * The error as lines a person can act on: the code and HTTP status first, then one line per
     * problem. A body that is not the API's error format is shown as it came (abbreviated).
     */
    public static List<String> describe(int status, String body) {
        Optional<ApiError> parsed = parse(body);
        if (parsed.isEmpty()) {
            String b = body.strip();
            return List.of("HTTP " + status
                    + (b.isEmpty() ? "" : ": " + (b.length() > 500 ? b.substring(0, 500) + "..." : b)));
        }
        List<String> out = new ArrayList<>();
        out.add(parsed.get().code() + " (HTTP " + status + "): " + parsed.get().message());
        parsed.get().problems().forEach(p -> out.add("  " + p));
        return out;
    }
}
