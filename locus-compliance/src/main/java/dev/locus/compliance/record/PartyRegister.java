package dev.locus.compliance.record;

import java.util.Collection;
import java.util.Set;

/**
 * Which party ids exist, for the record's reference checks: the record names parties by id and
 * the parties register owns them. Thread-safe.
 */
@FunctionalInterface
public interface PartyRegister {
    /** The subset of {@code ids} that name registered parties. */
    Set<String> existing(Collection<String> ids);
}
