package dev.locus.server;

import dev.locus.protocol.wire.ByteString;
import java.util.Base64;
import java.util.Objects;

/**
 * The protocol's {@link ByteString} (copied in, copied out, equal by content in constant time)
 * with the text forms the control plane reads and writes: base64 (JSON, {@link
 * #toString()}) and hex. Thread-safe.
 *
 * @param content the bytes
 */
public record Bytes(ByteString content) {
    public Bytes {
        Objects.requireNonNull(content, "content");
    }

    /** Copies {@code value}. */
    public static Bytes of(byte[] value) {
        return new Bytes(ByteString.copyOf(value));
    }

    /**
     * Decodes standard or URL-safe base64.
     *
     * @throws IllegalArgumentException naming the problem when {@code text} is not base64
     */
    public static Bytes fromBase64(String text) {
        String t = text.strip();
        Base64.Decoder decoder =
                (t.indexOf('-') >= 0 || t.indexOf('_') >= 0) ? Base64.getUrlDecoder() : Base64.getDecoder();
        return of(decoder.decode(t));
    }

    /** A copy of the bytes. */
    public byte[] toArray() {
        return content.toArray();
    }

    public int length() {
        return content.length();
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(content.toArray());
    }

    public String toHex() {
        return content.toHex();
    }

    /** Constant-time comparison, for secrets and MACs (what {@link #equals} does too). */
    public boolean constantTimeEquals(Bytes other) {
        return content.equals(other.content);
    }

    /** Base64 of the content; do not call on secrets that must not be printed. */
    @Override
    public String toString() {
        return toBase64();
    }
}
