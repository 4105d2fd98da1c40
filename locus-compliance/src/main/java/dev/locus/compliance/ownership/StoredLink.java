package dev.locus.compliance.ownership;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.locus.screening.ownership.OwnershipLink;
import dev.locus.screening.ownership.Validity;
import java.time.Instant;

/**
 * An ownership link as stored: {@code ownerId} holds {@code percent} of {@code ownedId} on the days
 * of its {@code validity} (in JSON {@code valid_from} and {@code valid_until}, null = open). A direct
 * link is a holding in the register; an indirect one a disclosed aggregate whose path is unknown (a
 * floor, never multiplied).
 */
public record StoredLink(
        long id,
        String ownerId,
        String ownedId,
        double percent,
        boolean direct,
        @JsonUnwrapped(prefix = "valid_") Validity validity,
        Instant createdAt) {

    /** The link as the screening library's ownership analysis takes it. */
    public OwnershipLink forAnalysis() {
        return new OwnershipLink(ownerId, ownedId, percent, direct, false, validity);
    }
}
