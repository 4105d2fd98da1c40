package dev.locus.compliance.redflags;

import dev.locus.compliance.record.Order;
import java.util.List;

/** A seller of controlled chips that is not normally in chip distribution (no exporter or distributor role). */
public final class ResellerOutsideChipTradeRule extends BaseRule {
    public ResellerOutsideChipTradeRule() {
        super("RESELLER_NOT_IN_CHIP_DISTRIBUTION", Source.BIS_2025_05_ADVANCED_IC, Subject.Type.PARTY);
    }

    @Override
    public List<Finding> evaluate(Subject seller, RecordView record, RedFlagPolicy policy) {
        List<Order> sold = record.find(Lookup.ORDERS_BY_SELLER, seller.id());
        if (sold.isEmpty()) {
            return List.of();
        }
        return record
                .party(seller.id())
                .filter(p -> !p.inChipDistribution())
                .map(p -> finding(
                        seller,
                        seller.id(),
                        Severity.WARNING,
                        p.name() + " sold "
                                + sold.stream().mapToLong(Order::quantity).sum() + " chips in " + sold.size()
                                + " order(s) but is not in chip distribution (roles " + p.roles() + ")",
                        Evidence.of("party", p.id())
                                .and(
                                        "roles",
                                        p.roles().stream()
                                                .map(Enum::name)
                                                .sorted()
                                                .toList())
                                .and(
                                        "orders_sold",
                                        sold.stream().map(Order::id).limit(50).toList())
                                .and(
                                        "chips_sold",
                                        sold.stream().mapToLong(Order::quantity).sum())))
                .stream()
                .toList();
    }
}
