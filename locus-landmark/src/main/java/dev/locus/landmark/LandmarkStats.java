package dev.locus.landmark;

import dev.locus.protocol.wire.RejectReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counters of a running landmark. Thread-safe; {@link #snapshot()} gives a consistent-enough copy. */
public final class LandmarkStats {
    final LongAdder datagrams = new LongAdder();
    final LongAdder sessionsOpened = new LongAdder();
    final LongAdder challengesSent = new LongAdder();
    final LongAdder roundsTimed = new LongAdder();
    final LongAdder roundsVerified = new LongAdder();
    final LongAdder receiptsIssued = new LongAdder();
    final LongAdder retriesSent = new LongAdder();
    final LongAdder repliesWithheld = new LongAdder();
    private final EnumMap<RejectReason, LongAdder> rejections = new EnumMap<>(RejectReason.class);

    LandmarkStats() {
        for (RejectReason r : RejectReason.values()) {
            rejections.put(r, new LongAdder());
        }
    }

    void rejected(RejectReason reason) {
        rejections.get(reason).increment();
    }

    /**
     * A copy of the counters.
     *
     * @param datagrams datagrams received
     * @param sessionsOpened sessions whose device certificate was accepted
     * @param challengesSent challenges sent (including re-issued ones)
     * @param roundsTimed answers timed (before proof verification)
     * @param roundsVerified answers whose proof verified
     * @param receiptsIssued receipts signed (sent once the agent's padded NEXT asks for them)
     * @param retriesSent RETRYs sent (cookies issued, no state kept)
     * @param repliesWithheld replies not sent because they were larger than the request they answered
     * @param rejections count per reason (reasons never seen are absent)
     */
    public record Snapshot(
            long datagrams,
            long sessionsOpened,
            long challengesSent,
            long roundsTimed,
            long roundsVerified,
            long receiptsIssued,
            long retriesSent,
            long repliesWithheld,
            Map<RejectReason, Long> rejections) {
        public Snapshot {
            rejections = Map.copyOf(rejections);
        }

        public long rejected(RejectReason reason) {
            return rejections.getOrDefault(reason, 0L);
        }
    }

    public Snapshot snapshot() {
        EnumMap<RejectReason, Long> r = new EnumMap<>(RejectReason.class);
        rejections.forEach((k, v) -> {
            long n = v.sum();
            if (n > 0) {
                r.put(k, n);
            }
        });
        return new Snapshot(
                datagrams.sum(),
                sessionsOpened.sum(),
                challengesSent.sum(),
                roundsTimed.sum(),
                roundsVerified.sum(),
                receiptsIssued.sum(),
                retriesSent.sum(),
                repliesWithheld.sum(),
                r);
    }
}
