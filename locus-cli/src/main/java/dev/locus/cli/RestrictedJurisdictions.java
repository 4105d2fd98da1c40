package dev.locus.cli;

import dev.locus.boundaries.NaturalEarth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code --restricted CC,..}: the jurisdictions verdicts prove a device outside (or inside). */
final class RestrictedJurisdictions {
    @Option(
            names = "--restricted",
            paramLabel = "CC",
            split = ",",
            defaultValue = "CN,HK,MO",
            description = "Restricted jurisdictions, ISO alpha-2 (default: ${DEFAULT-VALUE}).")
    private List<String> codes;

    /** The codes, checked as {@link #codes(List, String)} does. */
    Set<String> codes() {
        return codes(codes, "--restricted");
    }

    /**
     * {@code given} in upper case, each checked to be an ISO 3166-1 alpha-2 code with a boundary in
     * the bundled Natural Earth data.
     *
     * @param option the option that gave them, for the error message
     * @throws IllegalArgumentException when one is not such a code
     */
    static Set<String> codes(List<String> given, String option) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : given) {
            String code = c.strip().toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException(
                        option + " must list ISO 3166-1 alpha-2 codes separated by commas, got '" + c.strip() + "'");
            }
            NaturalEarth.bundled().get(code);
            out.add(code);
        }
        return out;
    }
}
