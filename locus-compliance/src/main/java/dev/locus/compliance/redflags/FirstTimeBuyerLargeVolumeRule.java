package dev.locus.compliance.redflags;

import dev.locus.compliance.record.Order;
import java.util.Comparator;
import java.util.List;

/** The buyer's first order in the record is for at least the policy's large volume. */
public final class FirstTimeBuyerLargeVolumeRule extends BaseRule {
    public FirstTimeBuyerLargeVolumeRule() {
        super("FIRST_TIME_BUYER_LARGE_VOLUME", Source.BIS_2025_05_ADVANCED_IC, Subject.Type.PARTY);
    }

    @Override
    public List<Finding> evaluate(Subject buyer, RecordView record, RedFlagPolicy policy) {
        return record.find(Lookup.ORDERS_BY_BUYER, buyer.id()).stream()
                .min(Comparator.comparing(Order::orderedOn).thenComparing(Order::id))
                .filter(first -> first.quantity() >= policy.largeOrderChips())
                .map(first -> finding(
                        buyer,
                        buyer.id(),
                        Severity.WARNING,
                        "First order of " + buyer.id() + " (" + first.id() + ") is for " + first.quantity() + " "
                                + first.model() + " chips (large: >= " + policy.largeOrderChips() + ")",
                        Evidence.of("first_order", first.id())
                                .and("ordered_on", first.orderedOn().toString())
                                .and("quantity", first.quantity())
                                .and("model", first.model())
                                .and("large_volume_threshold", policy.largeOrderChips())))
                .stream()
                .toList();
    }
}
