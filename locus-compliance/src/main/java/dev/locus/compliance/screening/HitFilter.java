package dev.locus.compliance.screening;

import dev.locus.server.persistence.IdPages;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which screening hits to list: those about one party, in one status, both, or all (empty parts do
 * not filter). Immutable.
 */
public record HitFilter(Optional<String> partyId, Optional<Hit.Status> status) {
    public HitFilter {
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(status, "status");
    }

    /** The hits about {@code partyId}, in any status. */
    public static HitFilter party(String partyId) {
        return new HitFilter(Optional.of(partyId), Optional.empty());
    }

    /** The equality conditions on the {@code screening_hits} columns. */
    List<IdPages.Filter> conditions() {
        List<IdPages.Filter> filters = new ArrayList<>();
        partyId.ifPresent(p -> filters.add(IdPages.Filter.equal("party_id", p)));
        status.ifPresent(s -> filters.add(IdPages.Filter.equal("status", s.name())));
        return filters;
    }
}
