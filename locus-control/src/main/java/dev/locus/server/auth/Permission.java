package dev.locus.server.auth;

/** What an endpoint requires; each {@link Role} grants a set of these. */
public enum Permission {
    /** Liveness: any authenticated caller. */
    HEALTH,
    /** Read registry, receipts, verdicts, alerts, audit log, reports. */
    READ,
    /** Metrics and audit verification. */
    OPERATE,
    /** Create and import registry records, record custody, change landmark status. */
    WRITE_REGISTRY,
    /** Acknowledge and resolve alerts. */
    MANAGE_ALERTS,
    /** Submit receipts (bound roles only for their own landmark or chip). */
    SUBMIT_RECEIPTS,
    /** Issue and revoke tokens. */
    MANAGE_TOKENS,
    /** Add and remove notification subscriptions (webhook secrets, e-mail targets) and read deliveries. */
    MANAGE_NOTIFICATIONS,
    /** Reload the screening lists from their folder (re-screening every party against what changed). */
    MANAGE_SCREENING_LISTS
}
