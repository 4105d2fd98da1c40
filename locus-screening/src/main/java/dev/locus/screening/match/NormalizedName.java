package dev.locus.screening.match;

import java.util.List;

/**
 * A name ready for comparison: its distinctive tokens (lower-case ASCII, abbreviations expanded),
 * its canonical legal forms, and the tokens run together.
 */
public record NormalizedName(List<String> tokens, List<String> legalForms, String compact) {
    public NormalizedName {
        tokens = List.copyOf(tokens);
        legalForms = List.copyOf(legalForms);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    @Override
    public String toString() {
        return String.join(" ", tokens) + (legalForms.isEmpty() ? "" : " [" + String.join(" ", legalForms) + "]");
    }
}
