package dev.locus.protocol.wire;

/** The type byte after the version byte. Codes are stable on the wire. */
public enum MessageType implements WireCode {
    HELLO(1),
    CHALLENGE(2),
    RESPONSE(3),
    NEXT(4),
    RECEIPT(5),
    REJECT(6),
    RETRY(7);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
