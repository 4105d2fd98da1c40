package dev.locus.compliance.redflags;

import dev.locus.compliance.record.SiteCapacity;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The commercial and physical record, read only, as the red-flag rules query it. Each method
 * answers about one subject, so a rule touches only what its subject touches.
 */
public interface RecordView {
    Optional<PartyFacts> party(String id);

    Optional<ChipFacts> chip(String serial);

    /** The rows {@code lookup} finds for {@code value}, in the order they were recorded. */
    <T> List<T> find(Lookup<T> lookup, String value);

    /** Licences whose site is {@code siteId}. */
    List<LicenceFacts> licencesAtSite(String siteId);

    Optional<SiteCapacity> capacity(String siteId);

    /** Chips billed to {@code country} per calendar year of the order date. */
    SortedMap<Integer, Long> billedChipsByYear(String country);
}
