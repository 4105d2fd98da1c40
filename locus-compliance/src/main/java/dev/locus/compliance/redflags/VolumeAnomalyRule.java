package dev.locus.compliance.redflags;

import dev.locus.compliance.record.Order;
import dev.locus.compliance.record.SiteCapacity;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A country's or a buyer's billed chips jump against its own history (at least the policy's
 * growth over the mean of earlier years) and beyond what its declared data-centre power can run
 * (capacity in chips at {@link ChipPower#DEFAULT_KW} each) — the "740 %" pattern. The statistics
 * are the evidence.
 */
public final class VolumeAnomalyRule extends BaseRule {
    public static final String COUNTRY_ID = "VOLUME_ANOMALY_COUNTRY";
    public static final String BUYER_ID = "VOLUME_ANOMALY_BUYER";

    private VolumeAnomalyRule(String id, Subject.Type type) {
        super(id, Source.BIS_2025_05_ADVANCED_IC, type);
    }

    /** The rule over billing countries. */
    public static VolumeAnomalyRule forCountries() {
        return new VolumeAnomalyRule(COUNTRY_ID, Subject.Type.COUNTRY);
    }

    /** The rule over buyers. */
    public static VolumeAnomalyRule forBuyers() {
        return new VolumeAnomalyRule(BUYER_ID, Subject.Type.PARTY);
    }

    @Override
    public List<Finding> evaluate(Subject subject, RecordView record, RedFlagPolicy policy) {
        SortedMap<Integer, Long> byYear;
        List<SiteCapacity> capacities;
        if (subjectType() == Subject.Type.COUNTRY) {
            byYear = record.billedChipsByYear(subject.id());
            capacities = record.find(Lookup.CAPACITIES_IN_COUNTRY, subject.id());
        } else {
            byYear = new TreeMap<>();
            for (Order o : record.find(Lookup.ORDERS_BY_BUYER, subject.id())) {
                byYear.merge(o.orderedOn().getYear(), (long) o.quantity(), Long::sum);
            }
            capacities = record.find(Lookup.CAPACITIES_OF_OPERATOR, subject.id());
        }
        double mw = capacities.stream().mapToDouble(SiteCapacity::powerMw).sum();
        long capacityChips = (long) Math.floor(mw * 1000 / ChipPower.DEFAULT_KW);
        return VolumeStatistics.of(byYear)
                .filter(s -> s.growth() >= policy.volumeGrowth()
                        && s.latest() > capacityChips
                        && s.latest() >= policy.volumeMinimumChips())
                .map(s -> finding(
                        subject,
                        subject.id() + "/" + s.latestYear(),
                        Severity.WARNING,
                        "Chips billed to " + subject + " in " + s.latestYear() + ": " + s.latest() + ", "
                                + (Double.isInfinite(s.growth())
                                        ? "none before"
                                        : "+" + Math.round(s.growth() * 100) + " % on the mean of " + s.historyYears()
                                                + " earlier year(s)")
                                + "; declared data centres can power about " + capacityChips,
                        evidence(s.asEvidence(byYear, capacityChips), policy)))
                .stream()
                .toList();
    }

    private static Evidence evidence(java.util.Map<String, Object> stats, RedFlagPolicy policy) {
        Evidence e = new Evidence();
        stats.forEach(e::and);
        return e.and("growth_threshold_percent", Math.round(policy.volumeGrowth() * 100));
    }
}
