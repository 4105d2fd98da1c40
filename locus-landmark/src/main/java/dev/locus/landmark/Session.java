package dev.locus.landmark;

import dev.locus.protocol.crypto.SignatureVerifier;
import dev.locus.protocol.identity.DeviceIdentity;
import dev.locus.protocol.wire.Nonce;
import dev.locus.protocol.wire.SessionId;
import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * State of one measurement session. Guarded by its own monitor: the I/O thread times answers and
 * issues challenges, verifier threads check proofs and complete the session.
 */
final class Session {
    enum State {
        VERIFYING_CERTIFICATE,
        ACTIVE,
        COMPLETE,
        FAILED
    }

    final SessionId id;
    final InetSocketAddress address;
    final int rounds;
    final long createdNanos;

    State state = State.VERIFYING_CERTIFICATE;
    DeviceIdentity device;
    SignatureVerifier verifier;
    /** Round the current challenge is for; equals the number of rounds answered so far. */
    int nextRound;

    int verifiedRounds;
    final long[] rttNanos;
    final Nonce[] nonces;
    final byte[][] proofs;
    final Instant[] sentAt;
    PendingChallenge outstanding;
    int retries;
    /**
     * Bytes of the latest request from the session's address not yet answered (0 when answered):
     * the largest reply the landmark may send now, so it never sends more than it received.
     */
    int replyBudget;
    /** The datagram that ended the session (receipt or reject), resent on NEXT. */
    byte[] finalDatagram;
    /** Monotonic time the session completed or failed; it lingers a while to answer NEXT. */
    long finishedNanos;
    /** Whether the session stopped counting against the session limits. */
    boolean slotReleased;

    Session(SessionId id, InetSocketAddress address, int rounds, long createdNanos) {
        this.id = id;
        this.address = address;
        this.rounds = rounds;
        this.createdNanos = createdNanos;
        this.rttNanos = new long[rounds];
        this.nonces = new Nonce[rounds];
        this.proofs = new byte[rounds][];
        this.sentAt = new Instant[rounds];
    }

    boolean allRoundsAnswered() {
        return nextRound >= rounds;
    }
}
