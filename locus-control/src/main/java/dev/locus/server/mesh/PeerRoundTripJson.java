package dev.locus.server.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.protocol.wire.Decoded;
import dev.locus.server.Bytes;
import dev.locus.server.ingest.JsonFields;
import java.time.Instant;
import java.util.LinkedHashMap;
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
        JsonFields fields = new JsonFields(n);
        n.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                fields.problem("unknown field '" + JsonFields.quote(f) + "'; allowed: "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        });
        String measuring = fields.text("measuring_landmark_id");
        String measured = fields.text("measured_landmark_id");
        long rtt = fields.integer("rtt_min_nanos");
        Instant at = fields.instant("measured_at");
        Optional<Bytes> raw = fields.base64("signed_receipt");
        Optional<SignedReceipt> signed = Optional.empty();
        if (raw.isPresent()) {
            switch (SignedReceipt.decode(raw.get().toArray())) {
                case Decoded.Accepted<SignedReceipt> a -> signed = Optional.of(a.value());
                case Decoded.Rejected<SignedReceipt> r ->
                    fields.problem("signed_receipt does not decode: " + r.reason() + ": " + r.detail());
            }
        }
        return new PeerSubmission(
                measuring, measured, rtt, at, raw.orElse(Bytes.of(new byte[0])), signed, fields.malformed());
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
}
