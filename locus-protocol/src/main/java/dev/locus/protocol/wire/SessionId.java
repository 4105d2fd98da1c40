package dev.locus.protocol.wire;

import java.nio.ByteBuffer;
import java.security.SecureRandom;

/** A 128-bit random measurement session identifier chosen by the agent. */
public record SessionId(long high, long low) {
    /** Size on the wire, in bytes. */
    public static final int BYTES = 16;

    public static SessionId random(SecureRandom random) {
        return new SessionId(random.nextLong(), random.nextLong());
    }

    public static SessionId fromHex(String hex) {
        ByteBuffer b = ByteBuffer.wrap(Hex.decode(hex, BYTES, "session id"));
        return new SessionId(b.getLong(), b.getLong());
    }

    public byte[] toBytes() {
        return ByteBuffer.allocate(BYTES).putLong(high).putLong(low).array();
    }

    public String toHex() {
        return Hex.encode(toBytes());
    }

    @Override
    public String toString() {
        return "SessionId[" + toHex() + "]";
    }
}
