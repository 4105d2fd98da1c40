package dev.locus.compliance.ownership;

import dev.locus.screening.ownership.OwnershipLink;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An ownership link as stored: {@code ownerId} holds {@code percent} of {@code ownedId} from {@code
 * validFrom} through {@code validUntil} (inclusive; empty = open). A direct link is a holding in the
 * register; an indirect one a disclosed aggregate whose path is unknown (a floor, never multiplied).
 */
public record StoredLink(
        long id,
        String ownerId,
        String ownedId,
        double percent,
        boolean direct,
        Optional<LocalDate> validFrom,
        Optional<LocalDate> validUntil,
        Instant createdAt) {

    /** The link as the screening library's ownership analysis takes it. */
    public OwnershipLink forAnalysis() {
        return new OwnershipLink(ownerId, ownedId, percent, direct, false, validFrom, validUntil);
    }
}
