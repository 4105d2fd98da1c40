package dev.locus.protocol.wire;

/**
 * Why an input was refused. The numeric code is stable on the wire and in logs; never reuse a
 * code for another meaning.
 */
public enum RejectReason implements WireCode {
    TRUNCATED(1),
    OVERSIZED(2),
    MALFORMED(3),
    BAD_MAGIC(4),
    UNSUPPORTED_VERSION(5),
    UNKNOWN_TYPE(6),
    UNEXPECTED_MESSAGE(7),
    UNKNOWN_SESSION(10),
    UNKNOWN_NONCE(11),
    REPLAYED_NONCE(12),
    EXPIRED_NONCE(13),
    WRONG_LANDMARK(14),
    BAD_SIGNATURE(15),
    UNKNOWN_DEVICE(16),
    REVOKED_DEVICE(17),
    INVALID_CERTIFICATE(18),
    RATE_LIMITED(19),
    ADDRESS_MISMATCH(20),
    SESSION_LIMIT(21),
    ROUND_MISMATCH(22),
    DUPLICATE_SESSION(23),
    RETRY_LIMIT(24),
    SESSION_EXPIRED(25),
    BAD_RECEIPT(26),
    /** A HELLO shorter than {@link ProtocolVersion#MIN_HELLO_BYTES}: never answered. */
    UNPADDED(27),
    /** A HELLO whose cookie is not one this landmark issued to that address recently: answered with a fresh RETRY. */
    BAD_COOKIE(28);

    private final int code;

    RejectReason(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
