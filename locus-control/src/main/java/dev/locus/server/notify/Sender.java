package dev.locus.server.notify;

import java.util.Optional;

/** Sends one message to one subscription's target; blocks for at most the configured timeout. */
@FunctionalInterface
public interface Sender {
    /**
     * @param secret the subscription's webhook secret (empty for e-mail)
     * @throws DeliveryFailure when the target did not accept the message
     */
    void send(NotificationMessage message, Subscription to, Optional<String> secret) throws DeliveryFailure;
}
