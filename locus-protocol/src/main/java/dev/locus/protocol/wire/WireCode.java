package dev.locus.protocol.wire;

import java.util.Optional;

/**
 * A constant with a stable one-byte code on the wire ({@link MessageType}, {@link RejectReason}).
 * Codes are never reused for another meaning.
 */
public interface WireCode {
    /** The stable wire code, 1..255. */
    int code();

    /** The constant of {@code type} with this wire code, if any. */
    static <E extends Enum<E> & WireCode> Optional<E> fromCode(Class<E> type, int code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code() == code) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
