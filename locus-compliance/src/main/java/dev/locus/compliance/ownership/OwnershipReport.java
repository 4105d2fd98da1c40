package dev.locus.compliance.ownership;

import dev.locus.compliance.parties.PartyKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Who owns a party on a date, directly and through others, and what the ownership rules make of it.
 *
 * @param disclosedPercent the share held by the party's known direct owners
 * @param owners every party holding a share, aggregated over all paths (multiplied along chains,
 *     summed across paths), largest first
 * @param links the links on the paths up from the party that are active on the date (the graph)
 * @param findings the rules reached (with the rule version that applied on the date) and unknown
 *     ownership
 */
public record OwnershipReport(
        String partyId,
        LocalDate on,
        double disclosedPercent,
        List<Owner> owners,
        List<StoredLink> links,
        List<Finding> findings) {

    public OwnershipReport {
        owners = List.copyOf(owners);
        links = List.copyOf(links);
        findings = List.copyOf(findings);
    }

    /**
     * One owner of the party.
     *
     * @param designations the list entries it is on ({@code source/entry_id}), as screening found them
     */
    public record Owner(
            String partyId,
            String name,
            PartyKind kind,
            Optional<String> country,
            double aggregatePercent,
            List<String> designations,
            List<Path> paths) {
        public Owner {
            designations = List.copyOf(designations);
            paths = List.copyOf(paths);
        }
    }

    /** A chain of holdings: {@code parties[0]} holds {@code percents[0]} % of {@code parties[1]}, ... */
    public record Path(List<String> parties, List<Double> percents, double sharePercent) {
        public Path {
            parties = List.copyOf(parties);
            percents = List.copyOf(percents);
        }
    }

    /**
     * What the rules found.
     *
     * @param type {@code RULE_REACHED} or {@code OWNERSHIP_UNKNOWN}
     * @param rule the rule (e.g. OFAC-50-PERCENT); empty for unknown ownership
     * @param ruleStatus IN_FORCE or SUSPENDED on the date
     * @param percent the aggregate share held by listed parties, or the undisclosed share
     * @param paths the paths from listed owners
     * @param summary one sentence for a person
     */
    public record Finding(
            String type,
            Optional<String> rule,
            Optional<String> ruleVersion,
            Optional<String> ruleStatus,
            Optional<String> citation,
            double percent,
            List<Path> paths,
            List<String> ownersFoundByRule,
            String summary) {
        public Finding {
            paths = List.copyOf(paths);
            ownersFoundByRule = List.copyOf(ownersFoundByRule);
        }
    }
}
