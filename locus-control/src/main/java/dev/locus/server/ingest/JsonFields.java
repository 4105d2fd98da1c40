package dev.locus.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.Bytes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the fields of one submitted JSON object (a receipt, a peer round trip), collecting a
 * problem for each bad one instead of stopping at the first; a bad field reads as an empty value.
 * One per object; not thread-safe.
 */
public final class JsonFields {
    /** Longest piece of a bad value quoted in a problem. */
    private static final int QUOTED = 60;

    private final JsonNode object;
    private final List<String> problems = new ArrayList<>();

    /** @param object a JSON object */
    public JsonFields(JsonNode object) {
        this.object = object;
    }

    /** Reports a problem of the object. */
    public void problem(String problem) {
        problems.add(problem);
    }

    /** The problems so far joined, empty when there are none. */
    public Optional<String> malformed() {
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** A non-blank string; empty when missing or bad. */
    public String text(String field) {
        JsonNode v = object.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(field + " must be a non-empty string");
            return "";
        }
        return v.asText();
    }

    /** An integer; 0 when missing or bad. */
    public long integer(String field) {
        JsonNode v = object.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            problems.add(field + " must be an integer");
            return 0;
        }
        return v.asLong();
    }

    /** Base64 text, decoded; empty when missing or bad. */
    public Optional<Bytes> base64(String field) {
        JsonNode v = object.get(field);
        if (v == null || !v.isTextual()) {
            problems.add(field + " must be a base64 string");
            return Optional.empty();
        }
        try {
            return Optional.of(Bytes.fromBase64(v.asText()));
        } catch (IllegalArgumentException e) {
            problems.add(field + " must be base64, got '" + quote(v.asText()) + "'");
            return Optional.empty();
        }
    }

    /** An ISO-8601 instant; the epoch when missing or bad. */
    public Instant instant(String field) {
        String text = text(field);
        if (text.isEmpty()) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(field + " must be an ISO-8601 instant such as 2026-11-22T10:15:30.123456Z, got '" + quote(text)
                    + "'");
            return Instant.EPOCH;
        }
    }

    /** {@code s}, cut for quoting in a problem. */
    public static String quote(String s) {
        return s.length() > QUOTED ? s.substring(0, QUOTED) + "..." : s;
    }
}
