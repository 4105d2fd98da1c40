package dev.locus.protocol.wire;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * An immutable string of bytes (a certificate, a cookie, a signature, a digest): copied in, copied
 * out, equal by content in constant time. {@link #toString()} gives only the length, so a value
 * never reaches a log by accident. Thread-safe.
 */
public final class ByteString {
    private final byte[] bytes;

    private ByteString(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}. */
    public static ByteString copyOf(byte[] bytes) {
        return new ByteString(bytes.clone());
    }

    /** A fresh copy of the bytes. */
    public byte[] toArray() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public String toHex() {
        return Hex.encode(bytes);
    }

    /** The bytes themselves, for the codec to write without a copy; never handed out. */
    byte[] unsafeArray() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteString b && MessageDigest.isEqual(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes.length + " bytes";
    }
}
