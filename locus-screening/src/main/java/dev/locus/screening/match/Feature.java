package dev.locus.screening.match;

/**
 * One line of a score's explanation: a feature (name, alias, country, date_of_birth,
 * registration_number, address, legal_form), its contribution to the score, and what was compared.
 */
public record Feature(String feature, double contribution, String detail) {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s %+.3f: %s", feature, contribution, detail);
    }
}
