package dev.locus.compliance.record;

/** What a tenant declared it uses rented chips for. */
public enum Purpose {
    TRAINING,
    INFERENCE,
    OTHER
}
