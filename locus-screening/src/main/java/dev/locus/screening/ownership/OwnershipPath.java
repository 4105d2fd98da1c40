package dev.locus.screening.ownership;

import java.util.List;

/**
 * A chain of holdings from an owner down to a party: {@code parties[0]} holds {@code
 * percents[0]} % of {@code parties[1]}, and so on; {@code share} is the product, in percent.
 */
public record OwnershipPath(List<String> parties, List<Double> percents, double share) {
    public OwnershipPath {
        parties = List.copyOf(parties);
        percents = List.copyOf(percents);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(parties.getFirst());
        for (int i = 0; i < percents.size(); i++) {
            b.append(String.format(java.util.Locale.ROOT, " -%.2f%%-> ", percents.get(i)))
                    .append(parties.get(i + 1));
        }
        return b.append(String.format(java.util.Locale.ROOT, " = %.2f %%", share))
                .toString();
    }
}
