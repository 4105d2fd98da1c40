package dev.locus.compliance.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locus.compliance.ownership.OwnershipReport;
import dev.locus.compliance.parties.RegisteredParty;
import dev.locus.screening.match.Query;
import dev.locus.screening.match.ScreeningJson;
import dev.locus.screening.match.ScreeningMatch;
import dev.locus.screening.ownership.OwnershipAnalysis;
import dev.locus.server.common.Sha256;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** What a party hits now: list entries (best match per entry over all its names) and ownership rules. */
final class Candidates {
    static final String OWNERSHIP_PREFIX = "OWNERSHIP:";
    private static final ObjectMapper JSON = ScreeningJson.mapper();

    private Candidates() {}

    /** One candidate per list entry, from the best-scoring of the party's names. */
    static Map<String, Candidate> listMatches(RegisteredParty p, Function<Query, List<ScreeningMatch>> screen) {
        Map<String, ScreeningMatch> best = new HashMap<>();
        Map<String, Query> bestQuery = new HashMap<>();
        for (Query q : p.details().screeningQueries()) {
            for (ScreeningMatch m : screen.apply(q)) {
                String key = m.entry().key();
                ScreeningMatch was = best.get(key);
                if (was == null || m.score() > was.score()) {
                    best.put(key, m);
                    bestQuery.put(key, q);
                }
            }
        }
        String partyFp = Fingerprints.party(p.details());
        Map<String, Candidate> out = new LinkedHashMap<>();
        for (Map.Entry<String, ScreeningMatch> e : best.entrySet()) {
            out.put(e.getKey(), fromMatch(bestQuery.get(e.getKey()), e.getValue(), partyFp));
        }
        return out;
    }

    static Candidate fromMatch(Query q, ScreeningMatch m, String partyFp) {
        ObjectNode why = JSON.createObjectNode();
        why.put("query", q.name());
        why.set(
                "features",
                ScreeningJson.result(q, List.of(m)).get("matches").get(0).get("explanation"));
        return new Candidate(
                Hit.Kind.LIST_MATCH,
                m.entry().key(),
                m.entry().source(),
                m.entry().entryId(),
                m.entry().primaryName(),
                m.matchedName(),
                m.entry().programs(),
                m.score(),
                m.decision().name(),
                why.toString(),
                m.entry().fingerprint(),
                partyFp);
    }

    /**
     * One candidate per ownership rule in force that the party reaches on the report's date, and
     * {@value #UNKNOWN_OWNERSHIP} for an organisation whose known direct owners hold less than {@code
     * 100 - }{@link OwnershipAnalysis#SIGNIFICANT_UNDISCLOSED_PERCENT} % (none recorded included): an
     * undisclosed significant share is itself a finding (BIS red flag); disclosing it makes the hit GONE.
     */
    static Map<String, Candidate> ownership(RegisteredParty p, OwnershipReport report) {
        Map<String, Candidate> out = rulesReached(p, report);
        report.findings().stream()
                .filter(f -> f.type().equals("OWNERSHIP_UNKNOWN"))
                .findFirst()
                .ifPresent(f -> out.put(UNKNOWN_OWNERSHIP, unknownOwnership(p, report, f)));
        return out;
    }

    /** The subject key of an organisation's unknown or undisclosed ownership. */
    static final String UNKNOWN_OWNERSHIP = OWNERSHIP_PREFIX + "UNKNOWN";

    private static Candidate unknownOwnership(RegisteredParty p, OwnershipReport report, OwnershipReport.Finding f) {
        double disclosed = Math.round(report.disclosedPercent() * 10000) / 10000.0;
        double undisclosed = Math.round(f.percent() * 10000) / 10000.0;
        ObjectNode why = JSON.createObjectNode();
        why.put("rule", "OWNERSHIP-UNKNOWN");
        why.put("citation", "15 CFR Part 732, Supplement No. 3 (BIS \"Know Your Customer\" red flags)");
        why.put("on", report.on().toString());
        why.put("disclosed_percent", disclosed);
        why.put("undisclosed_percent", undisclosed);
        why.put("threshold_undisclosed_percent", OwnershipAnalysis.SIGNIFICANT_UNDISCLOSED_PERCENT);
        ArrayNode owners = why.putArray("direct_owners");
        for (var l : report.links()) {
            if (l.direct() && l.ownedId().equals(p.id())) {
                owners.addObject().put("id", l.ownerId()).put("percent", l.percent());
            }
        }
        why.put(
                "summary",
                owners.isEmpty()
                        ? String.format(
                                Locale.ROOT,
                                "%s: no owners are recorded; its ownership is unknown (%s)",
                                p.name(),
                                report.on())
                        : String.format(
                                Locale.ROOT,
                                "%s: owners of %.2f %% are not disclosed (known direct owners hold %.2f %%) on %s",
                                p.name(),
                                undisclosed,
                                disclosed,
                                report.on()));
        return new Candidate(
                Hit.Kind.OWNERSHIP,
                UNKNOWN_OWNERSHIP,
                "OWNERSHIP-UNKNOWN",
                "",
                "undisclosed owners",
                p.name(),
                List.of(),
                Math.min(1, undisclosed / 100),
                "RULE",
                why.toString(),
                Sha256.hex(String.format(Locale.ROOT, "UNKNOWN|%.4f", disclosed)),
                Fingerprints.party(p.details()));
    }

    private static Map<String, Candidate> rulesReached(RegisteredParty p, OwnershipReport report) {
        Map<String, String> names = new HashMap<>();
        names.put(p.id(), p.name());
        report.owners().forEach(o -> names.put(o.partyId(), o.name()));
        String partyFp = Fingerprints.party(p.details());
        Map<String, Candidate> out = new LinkedHashMap<>();
        for (OwnershipReport.Finding f : report.findings()) {
            if (!f.type().equals("RULE_REACHED") || !f.ruleStatus().orElse("").equals("IN_FORCE")) {
                continue;
            }
            String rule = f.rule().orElseThrow();
            ObjectNode why = JSON.createObjectNode();
            why.put("rule", rule);
            why.put("rule_version", f.ruleVersion().orElse(""));
            why.put("rule_status", f.ruleStatus().orElse(""));
            why.put("citation", f.citation().orElse(""));
            why.put("on", report.on().toString());
            why.put("percent", Math.round(f.percent() * 10000) / 10000.0);
            // the paths from the listed owners themselves (the rule's own paths stop at owners it
            // found blocked on the way, which says less to a person)
            List<OwnershipReport.Owner> listedOwners = report.owners().stream()
                    .filter(o -> !o.designations().isEmpty())
                    .toList();
            List<OwnershipReport.Path> shown = listedOwners.isEmpty()
                    ? f.paths()
                    : listedOwners.stream().flatMap(o -> o.paths().stream()).toList();
            ArrayNode paths = why.putArray("paths");
            StringBuilder fp = new StringBuilder(rule + "|" + f.ruleVersion().orElse(""));
            for (OwnershipReport.Path path : shown) {
                ObjectNode pj = paths.addObject();
                ArrayNode parties = pj.putArray("parties");
                for (String id : path.parties()) {
                    parties.addObject().put("id", id).put("name", names.getOrDefault(id, id));
                }
                ArrayNode pct = pj.putArray("percents");
                path.percents().forEach(pct::add);
                pj.put("share_percent", path.sharePercent());
                fp.append('|').append(path.parties()).append(String.format(Locale.ROOT, "%.4f", path.sharePercent()));
            }
            ArrayNode found = why.putArray("owners_found_by_rule");
            f.ownersFoundByRule().forEach(found::add);
            ArrayNode designated = why.putArray("listed_owners");
            listedOwners.forEach(o -> designated
                    .addObject()
                    .put("id", o.partyId())
                    .put("name", o.name())
                    .put("aggregate_percent", o.aggregatePercent())
                    .put("designations", String.join(", ", o.designations())));
            String listed = shown.stream()
                    .map(x -> names.getOrDefault(
                            x.parties().getFirst(), x.parties().getFirst()))
                    .distinct()
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("");
            why.put(
                    "summary",
                    String.format(
                            Locale.ROOT,
                            "%s is %.2f %% owned by listed parties (%s) on %s: %s applies (version %s)",
                            p.name(),
                            f.percent(),
                            listed,
                            report.on(),
                            rule,
                            f.ruleVersion().orElse("")));
            out.put(
                    OWNERSHIP_PREFIX + rule,
                    new Candidate(
                            Hit.Kind.OWNERSHIP,
                            OWNERSHIP_PREFIX + rule,
                            rule,
                            f.ruleVersion().orElse(""),
                            listed,
                            p.name(),
                            List.of(),
                            Math.min(1, f.percent() / 100),
                            "RULE",
                            why.toString(),
                            Sha256.hex(fp.toString()),
                            partyFp));
        }
        return out;
    }
}
