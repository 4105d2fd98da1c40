package dev.locus.compliance.redflags;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which rules are on and the thresholds they use.
 *
 * @param disabledRules ids of the rules switched off
 * @param largeOrderChips a first-time buyer's order of at least this many chips is a red flag
 * @param controlsEffective buyers incorporated after this date (the October 2022 advanced
 *     computing controls) are flagged
 * @param volumeGrowth a year's billed chips at least this factor above the mean of earlier years
 *     is a jump (2.0 = +200 %)
 * @param volumeMinimumChips a year with fewer billed chips is never a volume anomaly (small buyers'
 *     noise)
 */
public record RedFlagPolicy(
        Set<String> disabledRules,
        int largeOrderChips,
        LocalDate controlsEffective,
        double volumeGrowth,
        long volumeMinimumChips) {
    public RedFlagPolicy {
        disabledRules = Set.copyOf(disabledRules);
        if (largeOrderChips < 1) {
            throw new IllegalArgumentException("largeOrderChips must be >= 1, got " + largeOrderChips);
        }
        if (!(volumeGrowth > 0)) {
            throw new IllegalArgumentException("volumeGrowth must be > 0, got " + volumeGrowth);
        }
    }

    /** Every rule on; 500 chips; 2022-10-07; +200 % on at least 100 chips. */
    public static RedFlagPolicy defaults() {
        return new RedFlagPolicy(Set.of(), 500, LocalDate.of(2022, 10, 7), 2.0, 100);
    }

    public boolean enabled(String ruleId) {
        return !disabledRules.contains(ruleId);
    }

    /** This policy with {@code ruleId} switched off. */
    public RedFlagPolicy without(String ruleId) {
        java.util.HashSet<String> off = new java.util.HashSet<>(disabledRules);
        off.add(ruleId);
        return new RedFlagPolicy(off, largeOrderChips, controlsEffective, volumeGrowth, volumeMinimumChips);
    }
}
