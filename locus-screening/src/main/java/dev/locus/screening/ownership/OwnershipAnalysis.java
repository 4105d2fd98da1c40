package dev.locus.screening.ownership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies the ownership rules of a {@link RuleTable} to parties, links and designations on a date.
 *
 * <p>For a rule, the listed parties it counts are sources; any party whose aggregate share held by
 * sources reaches the threshold is itself treated as listed (OFAC: an entity 50 % owned by a blocked
 * person is blocked, and its holdings count in full), and the computation repeats. The source set
 * only grows and is bounded by the number of parties, so this ends after at most that many rounds.
 */
public final class OwnershipAnalysis {
    /** Undisclosed share from which an organisation's ownership is a finding (beneficial-ownership convention, 25 %). */
    public static final double SIGNIFICANT_UNDISCLOSED_PERCENT = 25.0;

    private final RuleTable rules;
    private final Map<String, Party> parties;
    private final List<OwnershipLink> links;
    private final List<Designation> designations;

    public OwnershipAnalysis(
            RuleTable rules,
            Collection<Party> parties,
            Collection<OwnershipLink> links,
            Collection<Designation> designations) {
        this.rules = rules;
        Map<String, Party> byId = new java.util.LinkedHashMap<>();
        for (Party p : parties) {
            if (byId.put(p.id(), p) != null) {
                throw new IllegalArgumentException("party " + p.id() + " given twice");
            }
        }
        for (OwnershipLink l : links) {
            for (String id : List.of(l.owner(), l.owned())) {
                if (!byId.containsKey(id)) {
                    throw new IllegalArgumentException(
                            "link " + l.owner() + " -> " + l.owned() + ": unknown party " + id);
                }
            }
        }
        this.parties = Map.copyOf(byId);
        this.links = List.copyOf(links);
        this.designations = List.copyOf(designations);
    }

    /** Every finding for every party on {@code date}: rules reached (in force or suspended) and unknown ownership. */
    public List<OwnershipFinding> findings(LocalDate date) {
        OwnershipGraph g = OwnershipGraph.on(links, date);
        List<OwnershipFinding> out = new ArrayList<>();
        for (String rule : rules.rules()) {
            Optional<RuleVersion> v = rules.versionOn(rule, date);
            v.ifPresent(version -> out.addAll(apply(g, version, date)));
        }
        for (Party p : parties.values()) {
            if (p.kind() != Party.Kind.ORGANISATION) {
                continue;
            }
            double disclosed = g.disclosedShare(p.id()) * 100;
            if (100 - disclosed >= SIGNIFICANT_UNDISCLOSED_PERCENT - 1e-9) {
                out.add(new OwnershipFinding.OwnershipUnknown(p.id(), date, disclosed, 100 - disclosed));
            }
        }
        return out;
    }

    /** Findings for one party on a date. */
    public List<OwnershipFinding> findingsFor(String partyId, LocalDate date) {
        return findings(date).stream().filter(f -> f.partyId().equals(partyId)).toList();
    }

    private List<OwnershipFinding> apply(OwnershipGraph g, RuleVersion version, LocalDate date) {
        Set<String> listed = new TreeSet<>();
        for (Designation d : designations) {
            if (version.counts(d)) {
                listed.add(d.partyId());
            }
        }
        Set<String> sources = new HashSet<>(listed);
        List<String> foundByRule = new ArrayList<>();
        while (true) {
            Map<String, Double> shares = g.aggregateShares(sources);
            List<String> reached = new ArrayList<>();
            for (Map.Entry<String, Double> e : shares.entrySet()) {
                if (!sources.contains(e.getKey()) && e.getValue() * 100 >= version.thresholdPercent() - 1e-9) {
                    reached.add(e.getKey());
                }
            }
            if (reached.isEmpty()) {
                break;
            }
            reached.sort(null);
            sources.addAll(reached);
            foundByRule.addAll(reached);
        }
        List<OwnershipFinding> out = new ArrayList<>();
        for (String party : foundByRule) {
            Set<String> others = new HashSet<>(sources);
            others.remove(party);
            double pct = g.aggregateShares(others).getOrDefault(party, 0.0) * 100;
            List<OwnershipPath> paths = g.paths(others, party, 10);
            List<String> via = paths.stream()
                    .flatMap(p -> p.parties().stream())
                    .filter(x -> foundByRule.contains(x) && !x.equals(party))
                    .distinct()
                    .toList();
            out.add(new OwnershipFinding.RuleReached(party, date, version, pct, paths, via));
        }
        return out;
    }
}
