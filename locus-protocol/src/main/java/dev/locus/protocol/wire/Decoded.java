package dev.locus.protocol.wire;

import java.util.Objects;

/**
 * The outcome of decoding untrusted bytes: either the value, or a rejection with its reason and
 * a human-readable detail naming the field, the value seen and what was allowed.
 *
 * @param <T> the decoded type
 */
public sealed interface Decoded<T> permits Decoded.Accepted, Decoded.Rejected {

    /** A successfully decoded value. */
    record Accepted<T>(T value) implements Decoded<T> {
        public Accepted {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A refused input. */
    record Rejected<T>(RejectReason reason, String detail) implements Decoded<T> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        /** The same rejection, retyped. */
        @SuppressWarnings("unchecked")
        public <U> Rejected<U> cast() {
            return (Rejected<U>) this;
        }
    }

    static <T> Decoded<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> Decoded<T> rejected(RejectReason reason, String detail) {
        return new Rejected<>(reason, detail);
    }
}
