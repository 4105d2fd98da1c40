package dev.locus.compliance.redflags;

/** How urgently a finding needs a person: ordered from least to most urgent. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL
}
