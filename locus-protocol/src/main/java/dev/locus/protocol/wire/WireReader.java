package dev.locus.protocol.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bounded big-endian reader over untrusted bytes. Every read checks the remaining length first and
 * fails with a {@link Failure} naming the field; it never reads past the limit and never allocates
 * more than the input holds. Not thread-safe.
 */
public final class WireReader {
    private final ByteBuffer in;

    public WireReader(byte[] bytes, int offset, int length) {
        this.in = ByteBuffer.wrap(bytes, offset, length).slice();
    }

    public WireReader(ByteBuffer buffer) {
        this.in = buffer.slice();
    }

    public int remaining() {
        return in.remaining();
    }

    public int position() {
        return in.position();
    }

    private void need(int n, String field) {
        if (in.remaining() < n) {
            throw new Failure(
                    RejectReason.TRUNCATED,
                    field + " needs " + n + " bytes at offset " + in.position() + ", only " + in.remaining() + " left");
        }
    }

    public int u8(String field) {
        need(1, field);
        return in.get() & 0xFF;
    }

    /** A u8 in [{@code min}, {@code max}]; any other value is MALFORMED. */
    public int u8(String field, int min, int max) {
        int v = u8(field);
        if (v < min || v > max) {
            throw new Failure(RejectReason.MALFORMED, field + " must be in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    public int u16(String field) {
        need(2, field);
        return in.getShort() & 0xFFFF;
    }

    public long i64(String field) {
        need(8, field);
        return in.getLong();
    }

    public double f64(String field) {
        need(8, field);
        return in.getDouble();
    }

    public byte[] bytes(int n, String field) {
        need(n, field);
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    /** A u8-length-prefixed byte string of at most {@code max} bytes and at least {@code min}. */
    public byte[] bytes8(String field, int min, int max) {
        int n = u8(field + " length");
        checkLength(field, n, min, max);
        return bytes(n, field);
    }

    /** A u16-length-prefixed byte string of at most {@code max} bytes and at least {@code min}. */
    public byte[] bytes16(String field, int min, int max) {
        int n = u16(field + " length");
        checkLength(field, n, min, max);
        return bytes(n, field);
    }

    private void checkLength(String field, int n, int min, int max) {
        if (n < min || n > max) {
            throw new Failure(
                    RejectReason.MALFORMED, field + " length must be in [" + min + ", " + max + "], got " + n);
        }
    }

    /** Padding: a u16 length, then that many bytes, each of which must be zero; gives the length. */
    public int padding(String field) {
        int n = u16(field + " length");
        need(n, field);
        for (int i = 0; i < n; i++) {
            if (in.get() != 0) {
                throw new Failure(RejectReason.MALFORMED, field + " must be zero bytes, byte " + i + " is not");
            }
        }
        return n;
    }

    public Nonce nonce(String field) {
        need(Nonce.BYTES, field);
        return new Nonce(in.getLong(), in.getLong(), in.getLong(), in.getLong());
    }

    public SessionId sessionId(String field) {
        need(SessionId.BYTES, field);
        return new SessionId(in.getLong(), in.getLong());
    }

    /** A u8-length-prefixed strict UTF-8 identifier, validated as by {@link Fields#checkId}. */
    public String id(String field) {
        String s = utf8(bytes8(field, 1, ProtocolVersion.MAX_ID_BYTES), field);
        String problem = Fields.idProblem(s);
        if (problem != null) {
            throw new Failure(RejectReason.MALFORMED, field + " " + problem);
        }
        return s;
    }

    /** A u8-length-prefixed strict UTF-8 text of at most {@code max} bytes. */
    public String text(String field, int max) {
        return utf8(bytes8(field, 0, max), field);
    }

    private static String utf8(byte[] b, String field) {
        CharsetDecoder d = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = d.decode(ByteBuffer.wrap(b));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new Failure(RejectReason.MALFORMED, field + " is not valid UTF-8");
        }
    }

    /** Fails unless every byte was consumed. */
    public void end(String what) {
        if (in.hasRemaining()) {
            throw new Failure(
                    RejectReason.MALFORMED, what + " has " + in.remaining() + " trailing bytes after its last field");
        }
    }

    /** A decoding failure; stackless, caught at the decoder boundary and turned into a rejection. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final RejectReason reason;

        public Failure(RejectReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }

        public RejectReason reason() {
            return reason;
        }

        public <T> Decoded<T> toDecoded() {
            return Decoded.rejected(reason, getMessage());
        }
    }
}
