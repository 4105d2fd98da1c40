package dev.locus.protocol.wire;

import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * A 256-bit challenge nonce, held as four longs so it can key hash maps without copying arrays.
 * {@link #toString()} never prints the value (live nonces are not logged); use {@link #toHex()}
 * deliberately, e.g. for a receipt whose nonce is already spent.
 */
public record Nonce(long w0, long w1, long w2, long w3) {
    /** Size on the wire, in bytes. */
    public static final int BYTES = 32;

    /** A fresh unpredictable nonce from the given generator. */
    public static Nonce random(SecureRandom random) {
        byte[] b = new byte[BYTES];
        random.nextBytes(b);
        return fromBytes(b);
    }

    /** Reads 32 bytes; throws {@link IllegalArgumentException} on any other length. */
    public static Nonce fromBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("nonce must be " + BYTES + " bytes, got " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new Nonce(b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }

    /** Parses 64 hex digits. */
    public static Nonce fromHex(String hex) {
        return fromBytes(Hex.decode(hex, BYTES, "nonce"));
    }

    /** A fresh copy of the 32 bytes. */
    public byte[] toBytes() {
        return ByteBuffer.allocate(BYTES)
                .putLong(w0)
                .putLong(w1)
                .putLong(w2)
                .putLong(w3)
                .array();
    }

    void writeTo(ByteBuffer out) {
        out.putLong(w0).putLong(w1).putLong(w2).putLong(w3);
    }

    /** The 64 lowercase hex digits. */
    public String toHex() {
        return Hex.encode(toBytes());
    }

    @Override
    public String toString() {
        return "Nonce[redacted]";
    }
}
