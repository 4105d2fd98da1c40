package dev.locus.compliance.record;

import dev.locus.compliance.redflags.ChipPower;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A site's declared capacity against the power its chips need: the chips ordered for it (what
 * {@code SITE_LACKS_CAPACITY} weighs) and the registered chips declared there, each × kW per chip
 * of its model (bundled {@code chip-power.csv}).
 *
 * @param declared the site's declared capacity; empty when none was declared (counts as 0 MW)
 * @param ordered the chips ordered for the site (orders whose destination it is)
 * @param located the registered chips whose declared site it is
 * @param chipsTheSiteCanPower about how many of the larger demand's chips the declared power runs
 * @param orderIds the orders for the site, oldest first (at most 200)
 */
public record SiteDemand(
        String siteId,
        Optional<SiteCapacity> declared,
        Demand ordered,
        Demand located,
        long chipsTheSiteCanPower,
        List<String> orderIds) {
    public SiteDemand {
        orderIds = List.copyOf(orderIds);
    }

    /** Chips by model and the power they need. */
    public record Demand(long chips, double powerNeededMw, List<ModelDemand> byModel) {
        public Demand {
            byModel = List.copyOf(byModel);
        }

        static Demand of(Map<String, Long> chipsByModel, ChipPower power) {
            List<ModelDemand> models = new ArrayList<>();
            chipsByModel.forEach((model, n) -> models.add(
                    new ModelDemand(model, n, power.kwPerChip(model), round(n * power.kwPerChip(model) / 1000))));
            return new Demand(
                    chipsByModel.values().stream().mapToLong(Long::longValue).sum(),
                    round(models.stream()
                                    .mapToDouble(m -> m.chips() * m.kwPerChip())
                                    .sum()
                            / 1000),
                    models);
        }
    }

    /** One model's chips, kW per chip and the MW they need. */
    public record ModelDemand(String model, long chips, double kwPerChip, double powerNeededMw) {}

    /** Whether the record knows anything of the site: a declared capacity, an order or a chip. */
    public boolean known() {
        return declared.isPresent() || ordered.chips() > 0 || located.chips() > 0;
    }

    /** Reads the site's demand in the caller's transaction. */
    static SiteDemand read(Connection c, String siteId, ChipPower power) throws SQLException {
        Optional<SiteCapacity> declared = Optional.empty();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM site_capacity WHERE site_id = ?")) {
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    declared = Optional.of(RecordService.SITE_CAPACITY.read(c, rs));
                }
            }
        }
        Map<String, Long> ordered = new TreeMap<>();
        List<String> orderIds = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, model, quantity FROM orders WHERE destination_site_id = ? ORDER BY seq")) {
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ordered.merge(rs.getString("model"), rs.getLong("quantity"), Long::sum);
                    if (orderIds.size() < 200) {
                        orderIds.add(rs.getString("id"));
                    }
                }
            }
        }
        Map<String, Long> located = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT model, COUNT(*) AS n FROM chips WHERE declared_site_id = ? GROUP BY model")) {
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    located.put(rs.getString("model"), rs.getLong("n"));
                }
            }
        }
        Demand o = Demand.of(ordered, power);
        Demand l = Demand.of(located, power);
        Demand larger = o.powerNeededMw() >= l.powerNeededMw() ? o : l;
        double mw = declared.map(SiteCapacity::powerMw).orElse(0.0);
        long powerable = larger.chips() == 0
                ? 0
                : (long) Math.floor(mw * 1000 / (larger.powerNeededMw() * 1000 / larger.chips()));
        return new SiteDemand(siteId, declared, o, l, powerable, orderIds);
    }

    private static double round(double mw) {
        return Math.round(mw * 1000) / 1000.0;
    }
}
