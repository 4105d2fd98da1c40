package dev.locus.protocol.receipt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.RejectReason;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * The receipts file format: one JSON object per line. Readable fields (landmark, device, round
 * trips, times) are for people and tools; the authoritative content is {@code signedReceipt}
 * (base64 of the signed wire form). On reading, every readable field present must equal the signed
 * one, so an edited line is rejected rather than silently trusted. Thread-safe.
 */
public final class ReceiptJsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longest line accepted, in characters. */
    public static final int MAX_LINE_CHARS = 16_384;

    private ReceiptJsonLines() {}

    /** The JSON line (without newline) for a record. */
    public static String toLine(ReceiptRecord rec) {
        Receipt r = rec.receipt();
        ObjectNode o = JSON.createObjectNode();
        o.put("protocolVersion", r.protocolVersion());
        o.put("landmarkId", r.landmarkId());
        o.put("landmarkLatitude", r.landmarkPosition().latitudeDegrees());
        o.put("landmarkLongitude", r.landmarkPosition().longitudeDegrees());
        o.put("deviceSerial", r.deviceSerial());
        o.put("deviceModel", r.deviceModel());
        o.put("sessionId", r.sessionId().toHex());
        o.put("nonce", r.minNonce().toHex());
        o.put("minRttNanos", r.minRttNanos());
        ArrayNode samples = o.putArray("samplesNanos");
        r.samplesNanos().forEach(samples::add);
        o.put("measuredAt", r.measuredAt().toString());
        o.put("issuedAt", r.issuedAt().toString());
        Base64.Encoder b64 = Base64.getEncoder();
        o.put("signedReceipt", b64.encodeToString(rec.signedReceipt().encoded()));
        o.put("landmarkCertificate", b64.encodeToString(Certificates.der(rec.landmarkCertificate())));
        o.put("deviceCertificate", b64.encodeToString(Certificates.der(rec.deviceCertificate())));
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /** Parses one line; never throws on bad input. Signatures are not checked here (see {@link ReceiptVerifier}). */
    public static Decoded<ReceiptRecord> parseLine(String line) {
        if (line.length() > MAX_LINE_CHARS) {
            return new Decoded.Rejected<>(
                    RejectReason.OVERSIZED,
                    "line must be at most " + MAX_LINE_CHARS + " characters, got " + line.length());
        }
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return new Decoded.Rejected<>(RejectReason.MALFORMED, "line is not JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject()) {
            return new Decoded.Rejected<>(RejectReason.MALFORMED, "line must be a JSON object");
        }
        byte[] signed;
        X509Certificate landmarkCert;
        X509Certificate deviceCert;
        try {
            signed = base64(o, "signedReceipt");
            landmarkCert = Certificates.parse(base64(o, "landmarkCertificate"));
            deviceCert = Certificates.parse(base64(o, "deviceCertificate"));
        } catch (IllegalArgumentException e) {
            return new Decoded.Rejected<>(RejectReason.MALFORMED, e.getMessage());
        }
        Decoded<SignedReceipt> d = SignedReceipt.decode(signed);
        if (!(d instanceof Decoded.Accepted<SignedReceipt>(SignedReceipt sr))) {
            return ((Decoded.Rejected<SignedReceipt>) d).cast();
        }
        Receipt r = sr.receipt();
        String mismatch = firstMismatch(o, r);
        if (mismatch != null) {
            return new Decoded.Rejected<>(RejectReason.BAD_RECEIPT, mismatch);
        }
        return new Decoded.Accepted<>(new ReceiptRecord(sr, landmarkCert, deviceCert));
    }

    private static byte[] base64(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException(field + " must be a base64 string, got " + (n == null ? "nothing" : n));
        }
        try {
            return Base64.getDecoder().decode(n.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not valid base64", e);
        }
    }

    private static String firstMismatch(JsonNode o, Receipt r) {
        List<Object[]> checks = List.of(
                new Object[] {"protocolVersion", String.valueOf(r.protocolVersion())},
                new Object[] {"landmarkId", r.landmarkId()},
                new Object[] {
                    "landmarkLatitude", String.valueOf(r.landmarkPosition().latitudeDegrees())
                },
                new Object[] {
                    "landmarkLongitude", String.valueOf(r.landmarkPosition().longitudeDegrees())
                },
                new Object[] {"deviceSerial", r.deviceSerial()},
                new Object[] {"deviceModel", r.deviceModel()},
                new Object[] {"sessionId", r.sessionId().toHex()},
                new Object[] {"nonce", r.minNonce().toHex()},
                new Object[] {"minRttNanos", String.valueOf(r.minRttNanos())},
                new Object[] {"measuredAt", r.measuredAt().toString()},
                new Object[] {"issuedAt", r.issuedAt().toString()});
        for (Object[] c : checks) {
            JsonNode n = o.get((String) c[0]);
            if (n != null && !n.asText().equals(c[1])) {
                return c[0] + " says '" + n.asText() + "' but the signed receipt says '" + c[1] + "'";
            }
        }
        JsonNode samples = o.get("samplesNanos");
        if (samples != null) {
            String signedSamples = r.samplesNanos().toString().replace(" ", "");
            if (!samples.toString().equals(signedSamples)) {
                return "samplesNanos says " + samples + " but the signed receipt says " + signedSamples;
            }
        }
        return null;
    }
}
