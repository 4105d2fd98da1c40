package dev.locus.server.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.protocol.wire.Decoded;
import dev.locus.server.Bytes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON form of a peer round trip, as submitted over HTTP or in a bulk file (JSON array or JSON
 * lines): {@code measuring_landmark_id}, {@code measured_landmark_id}, {@code rtt_min_nanos},
 * {@code measured_at} (ISO-8601) and {@code signed_receipt} (base64 of the receipt's wire form).
 */
public final class PeerRoundTripJson {
    static final Set<String> FIELDS =
            Set.of("measuring_landmark_id", "measured_landmark_id", "rtt_min_nanos", "measured_at", "signed_receipt");

    private PeerRoundTripJson() {}

    /** Decodes one object; every problem is reported in {@link PeerSubmission#malformed()}. */
    public static PeerSubmission parse(JsonNode n) {
        List<String> problems = new ArrayList<>();
        if (n == null || !n.isObject()) {
            return new PeerSubmission(
                    "",
                    "",
                    0,
                    Instant.EPOCH,
                    Bytes.of(new byte[0]),
                    Optional.empty(),
                    Optional.of("peer round trip must be a JSON object"));
        }
        n.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                problems.add("unknown field '" + truncate(f) + "'; allowed: "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        });
        String measuring = text(n, "measuring_landmark_id", problems);
        String measured = text(n, "measured_landmark_id", problems);
        long rtt = 0;
        JsonNode rttNode = n.get("rtt_min_nanos");
        if (rttNode == null || !rttNode.isIntegralNumber() || !rttNode.canConvertToLong()) {
            problems.add("rtt_min_nanos must be an integer");
        } else {
            rtt = rttNode.asLong();
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
        Bytes raw = Bytes.of(new byte[0]);
        Optional<SignedReceipt> signed = Optional.empty();
        JsonNode s = n.get("signed_receipt");
        if (s == null || !s.isTextual()) {
            problems.add("signed_receipt must be a base64 string");
        } else {
            try {
                raw = Bytes.fromBase64(s.asText());
                Decoded<SignedReceipt> d = SignedReceipt.decode(raw.toArray());
                switch (d) {
                    case Decoded.Accepted<SignedReceipt> a -> signed = Optional.of(a.value());
                    case Decoded.Rejected<SignedReceipt> r ->
                        problems.add("signed_receipt does not decode: " + r.reason() + ": " + r.detail());
                }
            } catch (IllegalArgumentException e) {
                problems.add("signed_receipt must be base64, got '" + truncate(s.asText()) + "'");
            }
        }
        return new PeerSubmission(
                measuring,
                measured,
                rtt,
                at,
                raw,
                signed,
                problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)));
    }

    /** The JSON form of a submission (what {@code locus landmark --peers} posts). */
    public static Map<String, Object> toJson(PeerSubmission s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measuring_landmark_id", s.measuringLandmarkId());
        m.put("measured_landmark_id", s.measuredLandmarkId());
        m.put("rtt_min_nanos", s.rttMinNanos());
        m.put("measured_at", s.measuredAt().toString());
        m.put("signed_receipt", s.signedReceiptBytes().toBase64());
        return m;
    }

    private static String text(JsonNode n, String field, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(field + " must be a non-empty string");
            return "";
        }
        return v.asText();
    }

    private static String truncate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
