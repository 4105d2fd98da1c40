package dev.locus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.wire.WireJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code locus findings}: one page of red-flag findings, narrowed by status, rule, severity and
 * subject; {@code findings show ID} and {@code findings dismiss ID --reason TEXT}.
 */
@Command(
        name = "findings",
        description = {
            "Lists red-flag findings through the API, one page: a table, or the API's JSON with --json",
            "(pass --after with next_cursor for the next page). Each finding names its rule, the source",
            "it cites, its subject and severity; 'findings show' prints its evidence, 'findings dismiss'",
            "closes an OPEN one with the reason (in the audit log under the token's name)."
        },
        subcommands = {FindingsCommand.Show.class, FindingsCommand.Dismiss.class})
final class FindingsCommand extends ListCommand.AboutSubject {
    private static final FixedTable TABLE = new FixedTable(
            "%-8s %-32s %-8s %-9s %-28s %s%n",
            List.of("ID", "RULE", "SEVERITY", "STATUS", "SUBJECT", "SUMMARY"),
            f -> List.of(
                    f.path("id").asText(),
                    f.path("rule").asText(),
                    f.path("severity").asText(),
                    f.path("status").asText(),
                    FixedTable.subject(f),
                    f.path("summary").asText()));

    @Option(names = "--status", description = "OPEN, DISMISSED or CLEARED")
    String status;

    @Option(names = "--rule", description = "a rule, e.g. SITE_LACKS_CAPACITY")
    String rule;

    @Option(names = "--severity", description = "INFO, WARNING or CRITICAL")
    String severity;

    FindingsCommand() {
        super("finding", TABLE);
    }

    @Override
    Map<String, String> ownFilters() {
        return given("status", status, "rule", rule, "severity", severity);
    }

    @Command(name = "show", description = "Shows a finding: rule, source, subject, severity, status and its evidence.")
    static final class Show extends ApiView.One {
        @Override
        String collection() {
            return "findings";
        }

        @Override
        void human(JsonNode f, PrintWriter out) {
            TABLE.printItem(f, out);
            out.println("source: " + f.path("source").asText());
            out.println("evidence: " + f.path("evidence"));
        }
    }

    @Command(
            name = "dismiss",
            description = {
                "Dismisses an OPEN finding with the reason, e.g. the capacity was re-declared or the buyer",
                "was checked; the reason and the token's name go in the audit log. Refused (exit 5,",
                "CONFLICT) when the finding is not OPEN. Prints the finding as it now stands."
            })
    static final class Dismiss extends ApiView {
        @Mixin
        ResourceId finding;

        @Option(names = "--reason", required = true, description = "why it is dismissed (1 to 2000 characters)")
        String reason;

        @Override
        String answer() throws Exception {
            return api.postJson(
                    finding.path("findings") + "/dismiss",
                    WireJson.mapper().writeValueAsString(Map.of("note", reason)));
        }

        @Override
        void human(JsonNode f, PrintWriter out) {
            nowStands("finding", f, FixedTable.subject(f), out);
        }
    }
}
