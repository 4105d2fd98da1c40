package dev.locus.protocol.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes and decodes {@link Message}s. Layout (big-endian): magic "LO", version byte, type byte,
 * then the fields of the type (see docs/protocol.md). Decoding is bounded: it rejects datagrams
 * over {@link ProtocolVersion#MAX_DATAGRAM_BYTES}, reads only inside the input, caps every length
 * prefix before allocating, and requires every byte to be consumed. Stateless and thread-safe.
 */
public final class MessageCodec {
    private MessageCodec() {}

    /** Decodes a whole datagram; never throws on any input. */
    public static Decoded<Message> decode(byte[] datagram, int offset, int length) {
        if (length > ProtocolVersion.MAX_DATAGRAM_BYTES) {
            return Decoded.rejected(
                    RejectReason.OVERSIZED,
                    "datagram must be at most " + ProtocolVersion.MAX_DATAGRAM_BYTES + " bytes, got " + length);
        }
        return decode(new WireReader(datagram, offset, length));
    }

    /** Decodes the remaining bytes of the buffer (position to limit); never throws on any input. */
    public static Decoded<Message> decode(ByteBuffer datagram) {
        if (datagram.remaining() > ProtocolVersion.MAX_DATAGRAM_BYTES) {
            return Decoded.rejected(
                    RejectReason.OVERSIZED,
                    "datagram must be at most " + ProtocolVersion.MAX_DATAGRAM_BYTES + " bytes, got "
                            + datagram.remaining());
        }
        return decode(new WireReader(datagram));
    }

    private static Decoded<Message> decode(WireReader r) {
        try {
            if (r.remaining() < ProtocolVersion.HEADER_BYTES) {
                return Decoded.rejected(
                        RejectReason.TRUNCATED,
                        "datagram must hold the " + ProtocolVersion.HEADER_BYTES + "-byte header, got " + r.remaining()
                                + " bytes");
            }
            int m0 = r.u8("magic");
            int m1 = r.u8("magic");
            if (m0 != (ProtocolVersion.MAGIC_0 & 0xFF) || m1 != (ProtocolVersion.MAGIC_1 & 0xFF)) {
                return Decoded.rejected(
                        RejectReason.BAD_MAGIC, String.format("magic must be 0x4c4f (\"LO\"), got 0x%02x%02x", m0, m1));
            }
            int version = r.u8("version");
            if (version != ProtocolVersion.CURRENT) {
                return Decoded.rejected(
                        RejectReason.UNSUPPORTED_VERSION,
                        "version must be " + ProtocolVersion.CURRENT + ", got " + version);
            }
            int typeCode = r.u8("type");
            MessageType type = WireCode.fromCode(MessageType.class, typeCode).orElse(null);
            if (type == null) {
                return Decoded.rejected(RejectReason.UNKNOWN_TYPE, "type must be one of 1..7, got " + typeCode);
            }
            Message m = switch (type) {
                case HELLO -> {
                    SessionId s = r.sessionId("session id");
                    int rounds = r.u8("rounds", 1, ProtocolVersion.MAX_ROUNDS);
                    byte[] certificate = r.bytes16("device certificate", 1, ProtocolVersion.MAX_CERTIFICATE_BYTES);
                    byte[] cookie = r.bytes8("cookie", 0, ProtocolVersion.MAX_COOKIE_BYTES);
                    yield new Message.Hello(s, rounds, certificate, cookie, r.padding("padding"));
                }
                case CHALLENGE ->
                    new Message.Challenge(r.sessionId("session id"), round(r), r.nonce("nonce"), r.id("landmark id"));
                case RESPONSE ->
                    new Message.Response(
                            r.sessionId("session id"),
                            round(r),
                            r.nonce("nonce"),
                            r.id("landmark id"),
                            r.bytes8("signature", 1, ProtocolVersion.MAX_SIGNATURE_BYTES));
                case NEXT -> new Message.Next(r.sessionId("session id"), r.padding("padding"));
                case RECEIPT ->
                    new Message.ReceiptMessage(
                            r.sessionId("session id"),
                            r.bytes16("signed receipt", 1, 1024),
                            r.bytes16("landmark certificate", 1, ProtocolVersion.MAX_CERTIFICATE_BYTES));
                case REJECT -> {
                    SessionId s = r.sessionId("session id");
                    int code = r.u8("reason");
                    RejectReason reason = WireCode.fromCode(RejectReason.class, code)
                            .orElseThrow(() -> new WireReader.Failure(
                                    RejectReason.MALFORMED, "reason code " + code + " is not defined"));
                    yield new Message.Reject(s, reason, r.text("detail", Message.Reject.MAX_DETAIL_BYTES));
                }
                case RETRY ->
                    new Message.Retry(
                            r.sessionId("session id"), r.bytes8("cookie", 1, ProtocolVersion.MAX_COOKIE_BYTES));
            };
            r.end(type.name());
            return Decoded.accepted(m);
        } catch (WireReader.Failure f) {
            return f.toDecoded();
        }
    }

    private static int round(WireReader r) {
        return r.u8("round", 0, 254);
    }

    /** Encodes into a fresh array. */
    public static byte[] encode(Message message) {
        ByteBuffer b = ByteBuffer.allocate(ProtocolVersion.MAX_DATAGRAM_BYTES);
        encode(message, b);
        b.flip();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /**
     * Encodes at the buffer's position (which advances); the buffer must have {@link
     * ProtocolVersion#MAX_DATAGRAM_BYTES} remaining.
     */
    public static void encode(Message message, ByteBuffer out) {
        WireWriter w = new WireWriter(out);
        w.bytes(new byte[] {ProtocolVersion.MAGIC_0, ProtocolVersion.MAGIC_1})
                .u8(ProtocolVersion.CURRENT)
                .u8(message.type().code())
                .sessionId(message.sessionId());
        switch (message) {
            case Message.Hello h ->
                w.u8(h.rounds())
                        .bytes16(h.deviceCertificateDer().unsafeArray())
                        .bytes8(h.cookie().unsafeArray())
                        .padding(h.paddingBytes());
            case Message.Challenge c -> w.u8(c.round()).nonce(c.nonce()).text(c.landmarkId());
            case Message.Response r ->
                w.u8(r.round())
                        .nonce(r.nonce())
                        .text(r.landmarkId())
                        .bytes8(r.signature().unsafeArray());
            case Message.Next n -> w.padding(n.paddingBytes());
            case Message.Retry t -> w.bytes8(t.cookie().unsafeArray());
            case Message.ReceiptMessage m ->
                w.bytes16(m.signedReceipt().unsafeArray())
                        .bytes16(m.landmarkCertificateDer().unsafeArray());
            case Message.Reject j -> w.u8(j.reason().code()).bytes8(truncateUtf8(j.detail()));
        }
    }

    private static byte[] truncateUtf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= Message.Reject.MAX_DETAIL_BYTES) {
            return b;
        }
        int end = Message.Reject.MAX_DETAIL_BYTES;
        while (end > 0 && (b[end] & 0xC0) == 0x80) {
            end--; // do not cut a multi-byte character
        }
        byte[] cut = new byte[end];
        System.arraycopy(b, 0, cut, 0, end);
        return cut;
    }
}
