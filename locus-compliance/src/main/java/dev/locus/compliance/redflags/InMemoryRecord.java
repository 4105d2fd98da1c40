package dev.locus.compliance.redflags;

import dev.locus.compliance.record.Allocation;
import dev.locus.compliance.record.Order;
import dev.locus.compliance.record.RecordKind;
import dev.locus.compliance.record.RecordService;
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
    private final Map<Lookup<?>, Map<String, List<Object>>> indexes = new HashMap<>();
    private final Map<String, List<LicenceFacts>> licencesBySite = new HashMap<>();
    private final Map<String, SiteCapacity> capacities = new HashMap<>();
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
        index(RecordService.ORDERS, o);
        billedByCountry
                .computeIfAbsent(o.billingCountry(), k -> new TreeMap<>())
                .merge(o.orderedOn().getYear(), (long) o.quantity(), Long::sum);
        return this;
    }

    public InMemoryRecord add(Shipment s) {
        index(RecordService.SHIPMENTS, s);
        return this;
    }

    public InMemoryRecord add(Allocation a) {
        index(RecordService.ALLOCATIONS, a);
        return this;
    }

    public InMemoryRecord add(LicenceFacts l) {
        append(licencesBySite, l.siteId(), l);
        return this;
    }

    public InMemoryRecord add(SiteCapacity c) {
        capacities.put(c.siteId(), c);
        index(RecordService.SITE_CAPACITY, c);
        return this;
    }

    /** Adds {@code row} under its key in every {@link Lookup} of its kind. */
    private <T> void index(RecordKind<T> kind, T row) {
        for (Lookup<?> l : Lookup.ALL) {
            if (l.kind() == kind) {
                @SuppressWarnings("unchecked")
                Lookup<T> mine = (Lookup<T>) l;
                mine.key().apply(row).ifPresent(k -> append(indexes.computeIfAbsent(l, x -> new HashMap<>()), k, row));
            }
        }
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
    @SuppressWarnings("unchecked")
    public <T> List<T> find(Lookup<T> lookup, String value) {
        return (List<T>) get(indexes.getOrDefault(lookup, Map.of()), value);
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
    public SortedMap<Integer, Long> billedChipsByYear(String country) {
        return Collections.unmodifiableSortedMap(billedByCountry.getOrDefault(country, new TreeMap<>()));
    }
}
