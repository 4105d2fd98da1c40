package dev.locus.landmark;

import dev.locus.protocol.receipt.SignedReceipt;
import java.net.InetSocketAddress;
import java.util.Objects;

/** What probing one peer landmark produced. */
public sealed interface PeerMeasurement permits PeerMeasurement.Measured, PeerMeasurement.Failed {

    /** The peer's address as probed. */
    InetSocketAddress peer();

    /**
     * A receipt signed by the measured peer over the round trips it timed, holding this landmark's
     * proof of the shortest round; both signatures and every field were checked.
     */
    record Measured(InetSocketAddress peer, SignedReceipt receipt) implements PeerMeasurement {
        public Measured {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(receipt, "receipt");
        }
    }

    /**
     * No usable receipt.
     *
     * @param detail why: the peer's REJECT reason, a timeout, or what did not check out
     */
    record Failed(InetSocketAddress peer, String detail) implements PeerMeasurement {
        public Failed {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
