package dev.locus.cli.screen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locus.screening.list.Countries;
import dev.locus.screening.list.PartialDate;
import dev.locus.screening.match.Feature;
import dev.locus.screening.match.Query;
import dev.locus.screening.match.Screener;
import dev.locus.screening.match.ScreeningJson;
import dev.locus.screening.match.ScreeningMatch;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "screen",
        mixinStandardHelpOptions = true,
        subcommands = {BatchCommand.class, EvalScreenCommand.class, RescreenBenchCommand.class},
        description = {
            "Screens a name against denied-party lists (UN consolidated list, OFAC SDN, BIS Denied Persons,",
            "Consolidated Screening List) and prints the candidates at or above REVIEW, best first.",
            "",
            "Names in any script are transliterated (ICU4J); case, diacritics, punctuation, token order,",
            "legal forms (Co., Ltd. / Company Limited / Pte. Ltd. / Sdn. Bhd. / GmbH / JSC / 有限公司)",
            "and list abbreviations (SHPG, INTL) do not matter. A score in [0, 1] is explained per",
            "feature; MATCH at >= 0.90, REVIEW at >= 0.80. A date of birth or country that disagrees",
            "lowers a score a little but never hides a candidate. Exit code 0 with or without matches.",
            "",
            "Examples:",
            "  locus screen --name \"JSC Concern Almaz Antey\"",
            "  locus screen --name \"ABDULAH ANSHORI\" --country ID --dob 1972 --json",
            "  locus screen batch --queries parties.csv --json results.json",
            "  locus screen eval"
        })
public final class ScreenCommand implements Callable<Integer> {

    @Option(names = "--name", paramLabel = "NAME", description = "the name to screen (any script)")
    String name;

    @Option(
            names = "--country",
            paramLabel = "CC",
            description = "nationality or country (ISO alpha-2/alpha-3 or English name)")
    String country;

    @Option(names = "--dob", paramLabel = "YYYY[-MM-DD]", description = "date of birth (or year)")
    String dob;

    @Option(names = "--id", paramLabel = "NUMBER", description = "registration, passport or LEI number (repeatable)")
    List<String> ids = List.of();

    @Option(names = "--json", description = "print {\"query\":..., \"matches\":[...]} as JSON")
    boolean json;

    @Mixin
    ListsOption lists;

    @Override
    public Integer call() throws Exception {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "--name is required (or a subcommand: batch, eval, rescreen-bench; see --help)");
        }
        Optional<String> cc = Optional.empty();
        if (country != null && !country.isBlank()) {
            cc = Optional.of(Countries.toIso2(country)
                    .orElseThrow(() -> new IllegalArgumentException("--country: unknown country '" + country + "'")));
        }
        Optional<PartialDate> date = Optional.empty();
        if (dob != null && !dob.isBlank()) {
            if (!dob.matches("\\d{4}(-\\d{1,2}(-\\d{1,2})?)?")) {
                throw new IllegalArgumentException("--dob: expected YYYY, YYYY-MM or YYYY-MM-DD, got '" + dob + "'");
            }
            date = PartialDate.parse(dob);
        }
        Screener screener = Screener.of(lists.load());
        Query query = new Query(name, cc, date, ids, List.of());
        List<ScreeningMatch> matches = screener.screen(query);
        if (json) {
            ObjectNode out = ScreeningJson.result(query, matches);
            System.out.println(
                    ScreeningJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
            return 0;
        }
        if (matches.isEmpty()) {
            System.out.println(
                    "no candidate at or above REVIEW (" + screener.thresholds().review() + ") for '" + name + "'");
            return 0;
        }
        for (ScreeningMatch m : matches) {
            System.out.printf(
                    java.util.Locale.ROOT,
                    "%-6s %.3f  %s/%s  %s%n",
                    m.decision(),
                    m.score(),
                    m.entry().source(),
                    m.entry().entryId(),
                    m.entry().primaryName());
            for (Feature f : m.explanation()) {
                System.out.println("         " + f);
            }
        }
        return 0;
    }
}
