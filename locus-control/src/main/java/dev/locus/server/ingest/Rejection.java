package dev.locus.server.ingest;

import java.util.Optional;

/** Why one submission (a receipt or a peer round trip) is refused, before or while it is stored. */
public record Rejection(RejectionReason reason, String detail) {
    /** Details longer than this are cut: they are stored with the rejected submission. */
    public static final int MAX_DETAIL = 1000;

    public Rejection {
        detail = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
    }

    /** A rejection, as the {@code Optional} the checks return. */
    public static Optional<Rejection> of(RejectionReason reason, String detail) {
        return Optional.of(new Rejection(reason, detail));
    }
}
