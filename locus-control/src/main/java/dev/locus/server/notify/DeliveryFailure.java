package dev.locus.server.notify;

/** A delivery attempt that did not succeed; the message says why, safe to store and show. */
public final class DeliveryFailure extends Exception {
    public DeliveryFailure(String message) {
        super(message);
    }

    public DeliveryFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
