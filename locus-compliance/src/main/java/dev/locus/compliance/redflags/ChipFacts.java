package dev.locus.compliance.redflags;

import java.util.List;
import java.util.Optional;

/**
 * A chip as the rules see it: its licence, declared site, proven location and tampering signs.
 *
 * @param inService whether the chip is installed (so it should be attesting)
 */
public record ChipFacts(
        String serial,
        String model,
        Optional<LicenceFacts> licence,
        String declaredSiteId,
        String declaredSiteCountry,
        boolean inService,
        ProvenLocation location,
        List<TamperingSign> tamperingSigns) {
    public ChipFacts {
        tamperingSigns = List.copyOf(tamperingSigns);
    }
}
