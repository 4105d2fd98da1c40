package dev.locus.server.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Checks a subscription's target for its channel. */
final class Targets {
    private Targets() {}

    /** What is wrong with {@code target}, or empty when it is a usable URL or address. */
    static Optional<String> check(Channel channel, String target, boolean emailConfigured) {
        return switch (channel) {
            case WEBHOOK -> webhook(target);
            case EMAIL ->
                emailConfigured
                        ? email(target)
                        : Optional.of("cannot be an e-mail address: this server has no SMTP server configured"
                                + " (./locus server --smtp-host ...)");
        };
    }

    private static Optional<String> webhook(String target) {
        try {
            URI u = new URI(target);
            if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme()))
                    || u.getHost() == null
                    || u.getUserInfo() != null
                    || u.getFragment() != null) {
                return Optional.of("must be an http:// or https:// URL with a host, without user info or fragment");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("must be a URL: " + e.getReason());
        }
    }

    private static Optional<String> email(String target) {
        try {
            InternetAddress a = new InternetAddress(target, true);
            a.validate();
            if (a.getPersonal() != null || !a.getAddress().equals(target)) {
                return Optional.of("must be one bare e-mail address such as officer@example.com");
            }
            return Optional.empty();
        } catch (AddressException e) {
            return Optional.of("must be an e-mail address such as officer@example.com");
        }
    }
}
