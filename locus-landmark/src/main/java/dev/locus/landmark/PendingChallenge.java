package dev.locus.landmark;

import dev.locus.protocol.wire.Nonce;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** A challenge on the wire: its nonce, when it left (monotonic and wall clock) and whether it was used. */
final class PendingChallenge {
    static final int OPEN = 0;
    static final int ANSWERED = 1;
    static final int CANCELLED = 2;

    final Nonce nonce;
    final Session session;
    final int round;
    final Instant sentAt;
    /** Monotonic send time, written just before the datagram leaves (volatile: read by the I/O thread). */
    volatile long sentNanos;

    private final AtomicInteger state = new AtomicInteger(OPEN);

    PendingChallenge(Nonce nonce, Session session, int round, Instant sentAt) {
        this.nonce = nonce;
        this.session = session;
        this.round = round;
        this.sentAt = sentAt;
    }

    /** Marks the nonce used; false when it already was (answered or cancelled): single use. */
    boolean consume() {
        return state.compareAndSet(OPEN, ANSWERED);
    }

    /** Withdraws an unanswered challenge (a fresh one replaces it); false when it was already used. */
    boolean cancel() {
        return state.compareAndSet(OPEN, CANCELLED);
    }

    int state() {
        return state.get();
    }
}
