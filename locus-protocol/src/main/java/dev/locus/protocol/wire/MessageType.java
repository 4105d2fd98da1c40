package dev.locus.protocol.wire;

import java.util.Optional;

/** The type byte after the version byte. Codes are stable on the wire. */
public enum MessageType {
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

    public int code() {
        return code;
    }

    public static Optional<MessageType> fromCode(int code) {
        for (MessageType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
