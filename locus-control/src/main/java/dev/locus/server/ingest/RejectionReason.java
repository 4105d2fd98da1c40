package dev.locus.server.ingest;

/** Why a receipt was not accepted. Stable codes: clients and reports match on them. */
public enum RejectionReason {
    /** Fields missing, out of range, or inconsistent with each other. */
    MALFORMED,
    /** A receipt format this server does not understand. */
    UNSUPPORTED_VERSION,
    /** The submitter's token is bound to another landmark or chip. */
    NOT_AUTHORISED,
    /** No landmark with that id is registered. */
    UNKNOWN_LANDMARK,
    /** The landmark is retired. */
    LANDMARK_RETIRED,
    /** No chip with that serial is registered. */
    UNKNOWN_CHIP,
    /**
     * The signature does not verify with the landmark's key, the payload does not match the fields,
     * or the device's proof does not verify with the chip's registered key (or the receipt carries none).
     */
    BAD_SIGNATURE,
    /**
     * The chip has a registered device certificate that the receipt does not match: the receipt names
     * another certificate or none, was measured outside the certificate's validity, or the CA that
     * issued the certificate is no longer trusted (or its certificate was not valid then).
     */
    DEVICE_CERTIFICATE,
    /**
     * The chip is registered with neither a device certificate nor a device key, so nothing can show
     * that the chip itself answered the landmark: its receipts prove nothing and are refused.
     */
    NO_DEVICE_IDENTITY,
    /** Measured too long ago. */
    STALE,
    /** Measured in the future beyond the allowed clock skew. */
    FROM_FUTURE,
    /** The nonce was already used in an accepted receipt of this landmark (replay). */
    DUPLICATE
}
