package dev.locus.server.notify;

/** Sends one message to one subscription's target; blocks for at most the configured timeout. */
@FunctionalInterface
public interface Sender {
    /** @throws DeliveryFailure when the target did not accept the message */
    void send(NotificationMessage message, Recipient to) throws DeliveryFailure;
}
