package dev.locus.compliance.redflags;

import dev.locus.compliance.record.Order;
import dev.locus.compliance.record.Shipment;
import dev.locus.compliance.record.SiteCapacity;
import java.util.ArrayList;
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

    /** The shipments of every order {@code buyerId} placed, order by order, each in the order recorded. */
    default List<Shipment> shipmentsOfBuyer(String buyerId) {
        List<Shipment> out = new ArrayList<>();
        for (Order o : find(Lookup.ORDERS_BY_BUYER, buyerId)) {
            out.addAll(find(Lookup.SHIPMENTS_OF_ORDER, o.id()));
        }
        return out;
    }

    /** Licences whose site is {@code siteId}. */
    List<LicenceFacts> licencesAtSite(String siteId);

    Optional<SiteCapacity> capacity(String siteId);

    /** Chips billed to {@code country} per calendar year of the order date. */
    SortedMap<Integer, Long> billedChipsByYear(String country);
}
