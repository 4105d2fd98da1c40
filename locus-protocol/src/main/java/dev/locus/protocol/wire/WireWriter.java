package dev.locus.protocol.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Big-endian writer for the protocol encodings; callers size the buffer. Not thread-safe. */
public final class WireWriter {
    private final ByteBuffer out;

    public WireWriter(ByteBuffer out) {
        this.out = out;
    }

    public WireWriter u8(int v) {
        if (v < 0 || v > 255) {
            throw new IllegalArgumentException("u8 must be in [0, 255], got " + v);
        }
        out.put((byte) v);
        return this;
    }

    public WireWriter u16(int v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("u16 must be in [0, 65535], got " + v);
        }
        out.putShort((short) v);
        return this;
    }

    public WireWriter i64(long v) {
        out.putLong(v);
        return this;
    }

    public WireWriter f64(double v) {
        out.putDouble(v);
        return this;
    }

    public WireWriter bytes(byte[] b) {
        out.put(b);
        return this;
    }

    public WireWriter bytes8(byte[] b) {
        return u8(b.length).bytes(b);
    }

    public WireWriter bytes16(byte[] b) {
        return u16(b.length).bytes(b);
    }

    /** Padding: a u16 length, then that many zero bytes. */
    public WireWriter padding(int zeroBytes) {
        u16(zeroBytes);
        for (int i = 0; i < zeroBytes; i++) {
            out.put((byte) 0);
        }
        return this;
    }

    public WireWriter text(String s) {
        return bytes8(s.getBytes(StandardCharsets.UTF_8));
    }

    public WireWriter nonce(Nonce n) {
        n.writeTo(out);
        return this;
    }

    public WireWriter sessionId(SessionId id) {
        out.putLong(id.high()).putLong(id.low());
        return this;
    }

    public ByteBuffer buffer() {
        return out;
    }
}
