package dev.locus.compliance.redflags;

import dev.locus.compliance.record.Order;
import dev.locus.compliance.record.Shipment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Billing country, shipping country and the country the chips are proven in disagree, for one
 * order of the buyer. Only proven verdicts place a chip; unproven chips are listed, not counted
 * (they are {@link UnprovenLocationRule}'s findings).
 */
public final class CountryMismatchRule extends BaseRule {
    public CountryMismatchRule() {
        super("COUNTRY_MISMATCH", Source.BIS_SUPP3_PART732, Subject.Type.PARTY);
    }

    @Override
    public List<Finding> evaluate(Subject buyer, RecordView record, RedFlagPolicy policy) {
        List<Finding> out = new ArrayList<>();
        for (Order o : record.find(Lookup.ORDERS_BY_BUYER, buyer.id())) {
            Set<String> countries = new TreeSet<>(Set.of(o.billingCountry()));
            Map<String, Integer> shippedTo = new TreeMap<>();
            Map<String, String> provenIn = new TreeMap<>();
            List<String> unproven = new ArrayList<>();
            for (Shipment s : record.find(Lookup.SHIPMENTS_OF_ORDER, o.id())) {
                shippedTo.merge(s.shipToCountry(), s.chipCount(), Integer::sum);
                countries.add(s.shipToCountry());
                for (String serial : s.serials()) {
                    ProvenLocation where = record.chip(serial)
                            .map(ChipFacts::location)
                            .orElse(new ProvenLocation.Unproven("not registered"));
                    if (where instanceof ProvenLocation.InZone z) {
                        provenIn.put(serial, z.country());
                        countries.add(z.country());
                    } else {
                        unproven.add(serial);
                    }
                }
            }
            if (countries.size() > 1) {
                out.add(finding(
                        buyer,
                        o.id(),
                        Severity.WARNING,
                        "Order " + o.id() + " is billed to " + o.billingCountry() + ", shipped to " + shippedTo.keySet()
                                + (provenIn.isEmpty()
                                        ? ", no chip of it proven anywhere yet"
                                        : ", proven in " + new TreeSet<>(provenIn.values())),
                        Evidence.of("order", o.id())
                                .and("billing_country", o.billingCountry())
                                .and("shipped_chips_by_country", shippedTo)
                                .and("proven_country_by_chip", provenIn)
                                .and("unproven_chips", unproven.size() > 50 ? unproven.subList(0, 50) : unproven)
                                .and("countries", List.copyOf(countries))));
            }
        }
        return out;
    }
}
