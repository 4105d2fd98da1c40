package dev.locus.compliance.redflags;

import dev.locus.compliance.record.Allocation;
import dev.locus.compliance.record.Order;
import dev.locus.compliance.record.Shipment;
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

    List<Order> ordersByBuyer(String partyId);

    List<Order> ordersBySeller(String partyId);

    /** Orders whose declared destination is {@code siteId}. */
    List<Order> ordersForSite(String siteId);

    List<Shipment> shipmentsOfOrder(String orderId);

    List<Allocation> allocationsOfTenant(String partyId);

    /** Licences whose site is {@code siteId}. */
    List<LicenceFacts> licencesAtSite(String siteId);

    Optional<SiteCapacity> capacity(String siteId);

    /** Declared capacities of the sites in {@code country}. */
    List<SiteCapacity> capacitiesInCountry(String country);

    /** Declared capacities of the sites {@code partyId} operates. */
    List<SiteCapacity> capacitiesOfOperator(String partyId);

    /** Chips billed to {@code country} per calendar year of the order date. */
    SortedMap<Integer, Long> billedChipsByYear(String country);
}
