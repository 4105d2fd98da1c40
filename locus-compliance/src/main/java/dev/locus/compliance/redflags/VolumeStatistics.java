package dev.locus.compliance.redflags;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A latest year's billed chips against the earlier years' (missing years count as 0).
 *
 * @param growth latest / mean − 1 (2.0 = +200 %); infinite when the mean is 0
 * @param zScore (latest − mean) / standard deviation; empty when the deviation is 0
 */
record VolumeStatistics(
        int latestYear,
        long latest,
        int historyYears,
        double mean,
        double stdDev,
        double growth,
        Optional<Double> zScore) {

    /** Statistics of the last year of {@code byYear} against the earlier ones; empty without history. */
    static Optional<VolumeStatistics> of(SortedMap<Integer, Long> byYear) {
        if (byYear.size() < 2) {
            return Optional.empty();
        }
        int last = byYear.lastKey();
        int first = byYear.firstKey();
        int n = last - first;
        double sum = 0;
        double sumSq = 0;
        for (int y = first; y < last; y++) {
            long v = byYear.getOrDefault(y, 0L);
            sum += v;
            sumSq += (double) v * v;
        }
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        long latest = byYear.get(last);
        double growth = mean == 0 ? Double.POSITIVE_INFINITY : latest / mean - 1;
        Optional<Double> z = sd == 0 ? Optional.empty() : Optional.of((latest - mean) / sd);
        return Optional.of(new VolumeStatistics(last, latest, n, mean, sd, growth, z));
    }

    Map<String, Object> asEvidence(SortedMap<Integer, Long> byYear, long capacityChips) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Long> years = new LinkedHashMap<>();
        byYear.forEach((y, v) -> years.put(Integer.toString(y), v));
        m.put("billed_chips_by_year", years);
        m.put("latest_year", latestYear);
        m.put("latest_chips", latest);
        m.put("history_mean", Math.round(mean * 10) / 10.0);
        m.put("history_std_dev", Math.round(stdDev * 10) / 10.0);
        m.put("growth_percent", Double.isInfinite(growth) ? "infinite" : Math.round(growth * 100));
        m.put("z_score", zScore.map(z -> (Object) (Math.round(z * 100) / 100.0)).orElse("undefined"));
        m.put("chips_declared_capacity_can_power", capacityChips);
        return m;
    }
}
