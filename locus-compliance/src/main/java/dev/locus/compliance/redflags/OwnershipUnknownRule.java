package dev.locus.compliance.redflags;

import java.util.List;

/** A buyer or tenant whose ownership is unknown or has an undisclosed significant share. */
public final class OwnershipUnknownRule extends BaseRule {
    public OwnershipUnknownRule() {
        super("OWNERSHIP_UNKNOWN", Source.BIS_SUPP3_PART732, Subject.Type.PARTY);
    }

    @Override
    public List<Finding> evaluate(Subject party, RecordView record, RedFlagPolicy policy) {
        boolean involved = !record.find(Lookup.ORDERS_BY_BUYER, party.id()).isEmpty()
                || !record.find(Lookup.ALLOCATIONS_OF_TENANT, party.id()).isEmpty();
        if (!involved) {
            return List.of();
        }
        return record
                .party(party.id())
                .filter(p -> p.ownership() != PartyFacts.Ownership.KNOWN)
                .map(p -> finding(
                        party,
                        party.id(),
                        Severity.WARNING,
                        "Who owns " + p.name() + " is not known (" + p.ownership() + ")",
                        Evidence.of("party", p.id())
                                .and("ownership", p.ownership().name())))
                .stream()
                .toList();
    }
}
