package dev.locus.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.Bytes;
import java.time.Instant;
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
        if (n == null || !n.isObject()) {
            return new Submission(empty(), Optional.of("receipt must be a JSON object"));
        }
        JsonFields fields = new JsonFields(n);
        String landmark = fields.text("landmark_id");
        String chip = fields.text("chip_serial");
        Bytes nonce = fields.base64("nonce").orElse(EMPTY);
        long rttMin = fields.integer("rtt_min_nanos");
        List<Long> samples = new ArrayList<>();
        JsonNode s = n.get("rtt_samples_nanos");
        if (s == null || !s.isArray() || s.isEmpty()) {
            fields.problem("rtt_samples_nanos must be a non-empty array of integers");
        } else {
            for (JsonNode v : s) {
                if (!v.canConvertToLong() || !v.isIntegralNumber()) {
                    fields.problem("rtt_samples_nanos must hold integers, got " + v);
                    break;
                }
                samples.add(v.asLong());
            }
        }
        Instant at = fields.instant("measured_at");
        int version = (int) fields.integer("protocol_version");
        Bytes sig = fields.base64("signature").orElse(EMPTY);
        Bytes payload = fields.base64("payload").orElse(EMPTY);
        Receipt r = new Receipt(landmark, chip, nonce, rttMin, samples, at, version, sig, payload);
        return new Submission(r, fields.malformed());
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
}
