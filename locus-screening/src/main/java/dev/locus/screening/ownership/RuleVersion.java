package dev.locus.screening.ownership;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One version of an ownership rule, as a row of the rule table: in force or suspended between two
 * dates (inclusive), its threshold, which list designations count, and its citation.
 */
public record RuleVersion(
        String rule,
        String version,
        Status status,
        LocalDate effectiveFrom,
        Optional<LocalDate> effectiveUntil,
        double thresholdPercent,
        List<DesignationFilter> designations,
        String citation) {

    public enum Status {
        IN_FORCE,
        SUSPENDED
    }

    /** A list source, optionally narrowed to one program ({@code OFAC-SDN[program=NPWMD]}). */
    public record DesignationFilter(String source, Optional<String> program) {
        static DesignationFilter parse(String text) {
            int b = text.indexOf("[program=");
            if (b < 0) {
                return new DesignationFilter(text.trim(), Optional.empty());
            }
            return new DesignationFilter(
                    text.substring(0, b).trim(),
                    Optional.of(text.substring(b + "[program=".length(), text.indexOf(']', b))
                            .trim()));
        }

        boolean admits(Designation d) {
            return d.source().equals(source)
                    && program.map(p -> d.programs().contains(p)).orElse(true);
        }

        @Override
        public String toString() {
            return source + program.map(p -> "[program=" + p + "]").orElse("");
        }
    }

    public RuleVersion {
        designations = List.copyOf(designations);
    }

    public boolean coversDate(LocalDate date) {
        return !date.isBefore(effectiveFrom)
                && effectiveUntil.map(u -> !date.isAfter(u)).orElse(true);
    }

    public boolean counts(Designation d) {
        return designations.stream().anyMatch(f -> f.admits(d));
    }
}
