package dev.locus.compliance.redflags;

import dev.locus.compliance.record.Order;
import dev.locus.compliance.record.SiteCapacity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A data centre that cannot show the power for the chips ordered for it: chips × kW per chip
 * against the site's declared power (none declared counts as none).
 */
public final class SiteCapacityRule extends BaseRule {
    private final ChipPower power;

    public SiteCapacityRule(ChipPower power) {
        super("SITE_LACKS_CAPACITY", Source.BIS_2025_05_ADVANCED_IC, Subject.Type.SITE);
        this.power = power;
    }

    @Override
    public List<Finding> evaluate(Subject site, RecordView record, RedFlagPolicy policy) {
        List<Order> orders = record.find(Lookup.ORDERS_FOR_SITE, site.id());
        if (orders.isEmpty()) {
            return List.of();
        }
        Map<String, Long> chipsByModel = new TreeMap<>();
        double neededKw = 0;
        for (Order o : orders) {
            chipsByModel.merge(o.model(), (long) o.quantity(), Long::sum);
            neededKw += o.quantity() * power.kwPerChip(o.model());
        }
        double declaredMw =
                record.capacity(site.id()).map(SiteCapacity::powerMw).orElse(0.0);
        if (neededKw <= declaredMw * 1000) {
            return List.of();
        }
        long chips = chipsByModel.values().stream().mapToLong(Long::longValue).sum();
        double kwPerChip = neededKw / chips;
        long powerable = (long) Math.floor(declaredMw * 1000 / kwPerChip);
        Map<String, Double> kwPerModel = new TreeMap<>();
        chipsByModel.keySet().forEach(m -> kwPerModel.put(m, power.kwPerChip(m)));
        return List.of(finding(
                site,
                site.id(),
                Severity.WARNING,
                "Site " + site.id() + " declares " + declaredMw + " MW, enough for about " + powerable + " of the "
                        + chips + " chips ordered for it (" + round(neededKw / 1000) + " MW needed)",
                Evidence.of("site", site.id())
                        .and("declared_power_mw", declaredMw)
                        .and("capacity_declared", record.capacity(site.id()).isPresent())
                        .and("chips_ordered_by_model", chipsByModel)
                        .and("kw_per_chip_by_model", kwPerModel)
                        .and("power_needed_mw", round(neededKw / 1000))
                        .and("chips_the_site_can_power", powerable)
                        .and("orders", orders.stream().map(Order::id).limit(50).toList())));
    }

    private static double round(double mw) {
        return Math.round(mw * 1000) / 1000.0;
    }
}
