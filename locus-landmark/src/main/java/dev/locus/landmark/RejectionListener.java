package dev.locus.landmark;

/**
 * Receives every rejection the landmark makes, on the thread that made it; must be fast and must
 * not throw (hand work to a queue, as {@code locus landmark --rejections FILE} does).
 */
@FunctionalInterface
public interface RejectionListener {
    void rejected(Rejection rejection);

    static RejectionListener none() {
        return r -> {};
    }
}
