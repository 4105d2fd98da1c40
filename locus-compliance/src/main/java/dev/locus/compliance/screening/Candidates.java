package dev.locus.compliance.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locus.compliance.ownership.OwnershipReport;
import dev.locus.compliance.parties.RegisteredParty;
import dev.locus.screening.match.Query;
import dev.locus.screening.match.ScreeningJson;
import dev.locus.screening.match.ScreeningMatch;
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
        for (Query q : p.screeningQueries()) {
            for (ScreeningMatch m : screen.apply(q)) {
                String key = m.entry().key();
                ScreeningMatch was = best.get(key);
                if (was == null || m.score() > was.score()) {
                    best.put(key, m);
                    bestQuery.put(key, q);
                }
            }
        }
        String partyFp = Fingerprints.party(p);
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

    /** One candidate per ownership rule in force that the party reaches on the report's date. */
    static Map<String, Candidate> ownership(RegisteredParty p, OwnershipReport report) {
        Map<String, String> names = new HashMap<>();
        names.put(p.id(), p.name());
        report.owners().forEach(o -> names.put(o.partyId(), o.name()));
        String partyFp = Fingerprints.party(p);
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
                            Fingerprints.sha256(fp.toString()),
                            partyFp));
        }
        return out;
    }
}
