package dev.locus.server;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** An immutable byte string: copies in, copies out. Equality is by content. Thread-safe. */
public final class Bytes {
    private final byte[] value;

    private Bytes(byte[] value) {
        this.value = value;
    }

    /** Copies {@code value}. */
    public static Bytes of(byte[] value) {
        return new Bytes(value.clone());
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
        return new Bytes(decoder.decode(t));
    }

    /** A copy of the bytes. */
    public byte[] toArray() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(value);
    }

    public String toHex() {
        return HexFormat.of().formatHex(value);
    }

    /** Constant-time comparison, for secrets and MACs. */
    public boolean constantTimeEquals(Bytes other) {
        return MessageDigest.isEqual(value, other.value);
    }

    /** Equal content, compared in constant time ({@link #constantTimeEquals}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && constantTimeEquals(b);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    /** Base64 of the content; do not call on secrets that must not be printed. */
    @Override
    public String toString() {
        return toBase64();
    }
}
