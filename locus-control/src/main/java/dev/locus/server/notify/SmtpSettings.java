package dev.locus.server.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/**
 * The SMTP server e-mail notifications go through.
 *
 * @param from the sender address, e.g. {@code locus@example.com}
 * @param username for SMTP AUTH; empty for none
 * @param password for SMTP AUTH (never logged)
 */
public record SmtpSettings(
        String host, int port, String from, StartTls startTls, Optional<String> username, Optional<String> password) {

    /** Whether the connection is upgraded with STARTTLS. */
    public enum StartTls {
        /** Plain SMTP (a relay on the same host or network). */
        OFF,
        /** STARTTLS when the server offers it. */
        OPTIONAL,
        /** STARTTLS or no delivery. */
        REQUIRED
    }

    public SmtpSettings {
        if (host.isBlank() || host.length() > 255) {
            throw new IllegalArgumentException("SMTP host must be 1 to 255 characters, got '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP port must be in [1, 65535], got " + port);
        }
        try {
            new InternetAddress(from, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("SMTP sender must be an e-mail address, got '" + from + "'", e);
        }
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("SMTP username and password go together");
        }
    }

    /** A server without authentication. */
    public static SmtpSettings of(String host, int port, String from, StartTls startTls) {
        return new SmtpSettings(host, port, from, startTls, Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "smtp://" + username.map(u -> u + "@").orElse("") + host + ":" + port + " (STARTTLS " + startTls
                + ", from " + from + ")";
    }
}
