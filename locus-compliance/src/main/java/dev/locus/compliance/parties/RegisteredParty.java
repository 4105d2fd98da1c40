package dev.locus.compliance.parties;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.locus.screening.ownership.Party;
import java.time.Instant;

/**
 * A party as the compliance record holds it: its details as last saved, under its id. In JSON it is
 * one flat object, the details' fields beside the id and the revision.
 *
 * @param revision 1 when created, one more with every saved change
 */
public record RegisteredParty(
        String id, @JsonUnwrapped PartyDetails details, int revision, Instant createdAt, Instant updatedAt) {

    public RegisteredParty {
        if (details.names().isEmpty()) {
            throw new IllegalArgumentException("party " + id + " has no name");
        }
    }

    /** The primary name. */
    public String name() {
        return details.names().getFirst();
    }

    /** The party as the ownership analysis of the screening library sees it. */
    public Party forOwnership() {
        return new Party(
                id,
                details.kind().person() ? Party.Kind.PERSON : Party.Kind.ORGANISATION,
                details.allNames(),
                details.registrationNumbers(),
                details.addresses(),
                details.countryOfIncorporation(),
                details.headquartersCountry(),
                details.incorporatedOn());
    }
}
