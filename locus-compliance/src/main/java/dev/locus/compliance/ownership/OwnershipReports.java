package dev.locus.compliance.ownership;

import dev.locus.compliance.parties.PartyService;
import dev.locus.compliance.parties.RegisteredParty;
import dev.locus.screening.ownership.Designation;
import dev.locus.screening.ownership.OwnershipAnalysis;
import dev.locus.screening.ownership.OwnershipFinding;
import dev.locus.screening.ownership.OwnershipGraph;
import dev.locus.screening.ownership.OwnershipPath;
import dev.locus.screening.ownership.RuleTable;
import dev.locus.screening.ownership.RuleVersion;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds an {@link OwnershipReport} from the stored links above a party: the aggregate share of every
 * owner ({@link OwnershipGraph}) and the findings of the dated rules ({@link OwnershipAnalysis} over
 * the {@link RuleTable}) with the designations screening found. Stateless apart from its inputs.
 */
public final class OwnershipReports {
    /** Most paths reported per owner or finding. */
    static final int MAX_PATHS = 10;

    private final RuleTable rules;
    private volatile DesignationSource designations = DesignationSource.NONE;

    public OwnershipReports(RuleTable rules) {
        this.rules = rules;
    }

    public RuleTable rules() {
        return rules;
    }

    /** Where designations come from (screening, once it is wired); none before. */
    public void useDesignations(DesignationSource source) {
        this.designations = source;
    }

    /** The report on {@code on}; empty when the party is not registered. */
    public Optional<OwnershipReport> report(Connection c, String partyId, LocalDate on) throws SQLException {
        List<StoredLink> stored = LinkStore.linksAbove(c, partyId);
        Set<String> ids = new LinkedHashSet<>(List.of(partyId));
        stored.forEach(l -> ids.add(l.ownerId()));
        Map<String, RegisteredParty> parties = new java.util.HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 1000) {
            for (RegisteredParty p : PartyService.findAll(c, all.subList(i, Math.min(all.size(), i + 1000)))) {
                parties.put(p.id(), p);
            }
        }
        if (!parties.containsKey(partyId)) {
            return Optional.empty();
        }
        List<Designation> listed = designations.designationsOf(c, ids);
        var links = stored.stream().map(StoredLink::forAnalysis).toList();
        OwnershipGraph graph = OwnershipGraph.on(links, on);
        List<OwnershipReport.Owner> owners = new ArrayList<>();
        for (String owner : ids) {
            if (owner.equals(partyId)) {
                continue;
            }
            double share = graph.aggregateShare(owner, partyId) * 100;
            if (share <= 1e-9) {
                continue;
            }
            RegisteredParty p = parties.get(owner);
            owners.add(new OwnershipReport.Owner(
                    owner,
                    p.name(),
                    p.details().kind(),
                    p.details().countryOfIncorporation().or(p.details()::headquartersCountry),
                    share,
                    listed.stream()
                            .filter(d -> d.partyId().equals(owner))
                            .map(d -> d.source() + "/" + d.entryId())
                            .toList(),
                    paths(graph.paths(Set.of(owner), partyId, MAX_PATHS))));
        }
        owners.sort(Comparator.comparingDouble(OwnershipReport.Owner::aggregatePercent)
                .reversed()
                .thenComparing(OwnershipReport.Owner::partyId));
        OwnershipAnalysis analysis = new OwnershipAnalysis(
                rules,
                parties.values().stream().map(RegisteredParty::forOwnership).toList(),
                links,
                listed);
        List<OwnershipReport.Finding> findings = analysis.findingsFor(partyId, on).stream()
                .map(f -> finding(
                        f,
                        parties.keySet().stream()
                                .collect(Collectors.toMap(
                                        Function.identity(),
                                        id -> parties.get(id).name())),
                        listed.stream().map(Designation::partyId).collect(Collectors.toSet())))
                .toList();
        List<StoredLink> active =
                stored.stream().filter(l -> l.validity().contains(on)).toList();
        return Optional.of(
                new OwnershipReport(partyId, on, graph.disclosedShare(partyId) * 100, owners, active, findings));
    }

    private static OwnershipReport.Finding finding(
            OwnershipFinding f, Map<String, String> names, Set<String> designated) {
        return switch (f) {
            case OwnershipFinding.RuleReached r -> {
                RuleVersion v = r.ruleVersion();
                yield new OwnershipReport.Finding(
                        "RULE_REACHED",
                        Optional.of(v.rule()),
                        Optional.of(v.version()),
                        Optional.of(v.status().name()),
                        Optional.of(v.citation()),
                        r.aggregatePercent(),
                        paths(r.paths()),
                        r.ownersFoundByRule(),
                        String.format(
                                Locale.ROOT,
                                "%s is %.2f %% owned by listed parties (%s) on %s: %s %s (%s)",
                                names.getOrDefault(r.partyId(), r.partyId()),
                                r.aggregatePercent(),
                                listedOwners(r, designated).stream()
                                        .map(id -> names.getOrDefault(id, id))
                                        .collect(Collectors.joining(", ")),
                                r.date(),
                                v.rule(),
                                v.status() == RuleVersion.Status.IN_FORCE ? "applies" : "is suspended on this date",
                                v.version()));
            }
            case OwnershipFinding.OwnershipUnknown u ->
                new OwnershipReport.Finding(
                        "OWNERSHIP_UNKNOWN",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        u.undisclosedPercent(),
                        List.of(),
                        List.of(),
                        String.format(
                                Locale.ROOT,
                                "%s: owners of %.2f %% are not known (disclosed %.2f %%); undisclosed ownership is"
                                        + " a red flag",
                                names.getOrDefault(u.partyId(), u.partyId()),
                                u.undisclosedPercent(),
                                u.disclosedPercent()));
        };
    }

    /** The listed parties behind a finding: the designated owners, else where the rule's paths start. */
    private static List<String> listedOwners(OwnershipFinding.RuleReached r, Set<String> designated) {
        List<String> listed = designated.stream()
                .filter(id -> !id.equals(r.partyId()))
                .sorted()
                .toList();
        return listed.isEmpty()
                ? r.paths().stream().map(p -> p.parties().getFirst()).distinct().toList()
                : listed;
    }

    private static List<OwnershipReport.Path> paths(List<OwnershipPath> paths) {
        return paths.stream()
                .map(p -> new OwnershipReport.Path(p.parties(), p.percents(), p.share()))
                .toList();
    }
}
