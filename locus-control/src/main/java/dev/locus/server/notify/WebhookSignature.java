package dev.locus.server.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook carries in {@code Locus-Signature}: {@code v1=} and the lower-case hex
 * HMAC-SHA256, keyed with the subscription's secret (its UTF-8 bytes), over the {@code
 * Locus-Timestamp} value (Unix seconds), a full stop and the exact body bytes. Thread-safe.
 */
public final class WebhookSignature {
    public static final String SIGNATURE_HEADER = "Locus-Signature";
    public static final String TIMESTAMP_HEADER = "Locus-Timestamp";
    /** The delivery id, the same on every attempt of one delivery: the idempotency key. */
    public static final String DELIVERY_HEADER = "Locus-Delivery-Id";

    private static final String VERSION = "v1=";

    private WebhookSignature() {}

    /** {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. */
    public static String sign(String secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return VERSION + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** Whether {@code signature} is the signature of this timestamp and body, compared in constant time. */
    public static boolean verify(String secret, long timestampSeconds, byte[] body, String signature) {
        byte[] expected = sign(secret, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
