package dev.locus.server.notify;

import java.util.Objects;
import java.util.Optional;

/**
 * A subscription as a {@link Sender} delivers to it: its target, with the secret its webhook
 * deliveries are signed with (empty for e-mail, which is not signed). Immutable.
 */
public record Recipient(Subscription subscription, Optional<String> secret) {
    public Recipient {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(secret, "secret");
    }

    /** Where the message goes: the webhook URL or the e-mail address. */
    public String target() {
        return subscription.target();
    }
}
