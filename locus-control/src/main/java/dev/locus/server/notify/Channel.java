package dev.locus.server.notify;

/** How a subscription is told. */
public enum Channel {
    /** An HTTPS (or loopback HTTP) POST of a signed JSON body. */
    WEBHOOK,
    /** A plain-text e-mail through the configured SMTP server. */
    EMAIL
}
