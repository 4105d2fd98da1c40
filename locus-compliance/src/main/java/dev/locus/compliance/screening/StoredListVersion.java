package dev.locus.compliance.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A list version the control plane screened against, as stored.
 *
 * @param sha256 of the list's file(s)
 * @param added entries new since the previous version of the source; empty where the previous
 *     version's entries were not at hand (a restart with other bundled lists)
 */
public record StoredListVersion(
        long id,
        String source,
        Optional<LocalDate> publishedOn,
        String sha256,
        int entryCount,
        Optional<Integer> added,
        Optional<Integer> removed,
        Optional<Integer> changed,
        Instant loadedAt) {}
