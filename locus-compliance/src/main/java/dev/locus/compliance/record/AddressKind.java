package dev.locus.compliance.record;

/** What a ship-to address is, as declared or established. */
public enum AddressKind {
    /** A business's own premises (a data centre, an office). */
    COMMERCIAL,
    /** A freight forwarder's warehouse or office. */
    FORWARDER,
    /** A private home. */
    RESIDENTIAL
}
