package dev.locus.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.Bytes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON form of a receipt, as submitted over HTTP or in a bulk file. */
public final class ReceiptJson {
    private static final Bytes EMPTY = Bytes.of(new byte[0]);

    private ReceiptJson() {}

    /** Decodes one receipt object; every problem is reported in {@link Submission#malformed()}. */
    public static Submission parse(JsonNode n) {
        List<String> problems = new ArrayList<>();
        if (n == null || !n.isObject()) {
            return new Submission(empty(), Optional.of("receipt must be a JSON object"));
        }
        String landmark = text(n, "landmark_id", problems);
        String chip = text(n, "chip_serial", problems);
        Bytes nonce = base64(n, "nonce", problems);
        long rttMin = integer(n, "rtt_min_nanos", problems);
        List<Long> samples = new ArrayList<>();
        JsonNode s = n.get("rtt_samples_nanos");
        if (s == null || !s.isArray() || s.isEmpty()) {
            problems.add("rtt_samples_nanos must be a non-empty array of integers");
        } else {
            for (JsonNode v : s) {
                if (!v.canConvertToLong() || !v.isIntegralNumber()) {
                    problems.add("rtt_samples_nanos must hold integers, got " + v);
                    break;
                }
                samples.add(v.asLong());
            }
        }
        Instant at = Instant.EPOCH;
        String atText = text(n, "measured_at", problems);
        if (!atText.isEmpty()) {
            try {
                at = Instant.parse(atText);
            } catch (DateTimeParseException e) {
                problems.add("measured_at must be an ISO-8601 instant such as 2026-11-22T10:15:30.123456Z, got '"
                        + truncate(atText) + "'");
            }
        }
        int version = (int) integer(n, "protocol_version", problems);
        Bytes sig = base64(n, "signature", problems);
        Bytes payload = base64(n, "payload", problems);
        Receipt r = new Receipt(landmark, chip, nonce, rttMin, samples, at, version, sig, payload);
        return new Submission(r, problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)));
    }

    /** The JSON form of {@code r} (all fields, binary as base64). */
    public static Map<String, Object> toJson(Receipt r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("landmark_id", r.landmarkId());
        m.put("chip_serial", r.chipSerial());
        m.put("nonce", r.nonce().toBase64());
        m.put("rtt_min_nanos", r.rttMinNanos());
        m.put("rtt_samples_nanos", r.rttSamplesNanos());
        m.put("measured_at", r.measuredAt().toString());
        m.put("protocol_version", r.protocolVersion());
        m.put("signature", r.signature().toBase64());
        m.put("payload", r.signedPayload().toBase64());
        return m;
    }

    private static Receipt empty() {
        return new Receipt("", "", EMPTY, 0, List.of(), Instant.EPOCH, 0, EMPTY, EMPTY);
    }

    private static String text(JsonNode n, String field, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(field + " must be a non-empty string");
            return "";
        }
        return v.asText();
    }

    private static long integer(JsonNode n, String field, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            problems.add(field + " must be an integer");
            return 0;
        }
        return v.asLong();
    }

    private static Bytes base64(JsonNode n, String field, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            problems.add(field + " must be a base64 string");
            return EMPTY;
        }
        try {
            return Bytes.fromBase64(v.asText());
        } catch (IllegalArgumentException e) {
            problems.add(field + " must be base64, got '" + truncate(v.asText()) + "'");
            return EMPTY;
        }
    }

    private static String truncate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
