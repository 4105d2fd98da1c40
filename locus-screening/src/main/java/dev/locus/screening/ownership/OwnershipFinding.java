package dev.locus.screening.ownership;

import java.time.LocalDate;
import java.util.List;

/** What the ownership analysis found about one party on one date. */
public sealed interface OwnershipFinding {

    String partyId();

    LocalDate date();

    /**
     * The party is {@code aggregatePercent} % owned by parties the rule counts (listed, or found
     * blocked by the rule themselves, in {@code ownersFoundByRule}); the rule version that applied
     * on the date says whether it is in force or suspended.
     */
    record RuleReached(
            String partyId,
            LocalDate date,
            RuleVersion ruleVersion,
            double aggregatePercent,
            List<OwnershipPath> paths,
            List<String> ownersFoundByRule)
            implements OwnershipFinding {
        public boolean inForce() {
            return ruleVersion.status() == RuleVersion.Status.IN_FORCE;
        }
    }

    /** An organisation whose owners are unknown, or whose disclosed owners leave a significant share unaccounted for (a BIS red flag). */
    record OwnershipUnknown(String partyId, LocalDate date, double disclosedPercent, double undisclosedPercent)
            implements OwnershipFinding {}
}
