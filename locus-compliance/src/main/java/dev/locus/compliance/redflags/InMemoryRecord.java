package dev.locus.compliance.redflags;

import dev.locus.compliance.record.Allocation;
import dev.locus.compliance.record.Order;
import dev.locus.compliance.record.Shipment;
import dev.locus.compliance.record.SiteCapacity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A {@link RecordView} held in memory, indexed by every key the rules query: for tests, worked
 * examples and the load harness. Not thread-safe while it is being filled.
 */
public final class InMemoryRecord implements RecordView {
    private final Map<String, PartyFacts> parties = new HashMap<>();
    private final Map<String, ChipFacts> chips = new HashMap<>();
    private final Map<String, List<Order>> byBuyer = new HashMap<>();
    private final Map<String, List<Order>> bySeller = new HashMap<>();
    private final Map<String, List<Order>> bySite = new HashMap<>();
    private final Map<String, List<Shipment>> byOrder = new HashMap<>();
    private final Map<String, List<Allocation>> byTenant = new HashMap<>();
    private final Map<String, List<LicenceFacts>> licencesBySite = new HashMap<>();
    private final Map<String, SiteCapacity> capacities = new HashMap<>();
    private final Map<String, List<SiteCapacity>> capacitiesByCountry = new HashMap<>();
    private final Map<String, List<SiteCapacity>> capacitiesByOperator = new HashMap<>();
    private final Map<String, SortedMap<Integer, Long>> billedByCountry = new HashMap<>();

    public InMemoryRecord add(PartyFacts p) {
        parties.put(p.id(), p);
        return this;
    }

    public InMemoryRecord add(ChipFacts c) {
        chips.put(c.serial(), c);
        return this;
    }

    public InMemoryRecord add(Order o) {
        append(byBuyer, o.buyerId(), o);
        append(bySeller, o.sellerId(), o);
        o.destinationSiteId().ifPresent(s -> append(bySite, s, o));
        billedByCountry
                .computeIfAbsent(o.billingCountry(), k -> new TreeMap<>())
                .merge(o.orderedOn().getYear(), (long) o.quantity(), Long::sum);
        return this;
    }

    public InMemoryRecord add(Shipment s) {
        append(byOrder, s.orderId(), s);
        return this;
    }

    public InMemoryRecord add(Allocation a) {
        append(byTenant, a.tenantId(), a);
        return this;
    }

    public InMemoryRecord add(LicenceFacts l) {
        append(licencesBySite, l.siteId(), l);
        return this;
    }

    public InMemoryRecord add(SiteCapacity c) {
        capacities.put(c.siteId(), c);
        append(capacitiesByCountry, c.country(), c);
        append(capacitiesByOperator, c.operatorId(), c);
        return this;
    }

    private static <T> void append(Map<String, List<T>> index, String key, T value) {
        index.computeIfAbsent(key, k -> new ArrayList<>(2)).add(value);
    }

    private static <T> List<T> get(Map<String, List<T>> index, String key) {
        return Collections.unmodifiableList(index.getOrDefault(key, List.of()));
    }

    @Override
    public Optional<PartyFacts> party(String id) {
        return Optional.ofNullable(parties.get(id));
    }

    @Override
    public Optional<ChipFacts> chip(String serial) {
        return Optional.ofNullable(chips.get(serial));
    }

    @Override
    public List<Order> ordersByBuyer(String partyId) {
        return get(byBuyer, partyId);
    }

    @Override
    public List<Order> ordersBySeller(String partyId) {
        return get(bySeller, partyId);
    }

    @Override
    public List<Order> ordersForSite(String siteId) {
        return get(bySite, siteId);
    }

    @Override
    public List<Shipment> shipmentsOfOrder(String orderId) {
        return get(byOrder, orderId);
    }

    @Override
    public List<Allocation> allocationsOfTenant(String partyId) {
        return get(byTenant, partyId);
    }

    @Override
    public List<LicenceFacts> licencesAtSite(String siteId) {
        return get(licencesBySite, siteId);
    }

    @Override
    public Optional<SiteCapacity> capacity(String siteId) {
        return Optional.ofNullable(capacities.get(siteId));
    }

    @Override
    public List<SiteCapacity> capacitiesInCountry(String country) {
        return get(capacitiesByCountry, country);
    }

    @Override
    public List<SiteCapacity> capacitiesOfOperator(String partyId) {
        return get(capacitiesByOperator, partyId);
    }

    @Override
    public SortedMap<Integer, Long> billedChipsByYear(String country) {
        return Collections.unmodifiableSortedMap(billedByCountry.getOrDefault(country, new TreeMap<>()));
    }
}
