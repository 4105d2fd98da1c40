package dev.locus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.wire.AlertNote;
import dev.locus.wire.WireJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code locus alerts}: one page of alerts as a table (or the API's JSON with {@code --json}), and
 * {@code alerts acknowledge|resolve ID --reason TEXT}, each step recorded with the token's name and
 * the reason in the audit log.
 */
@Command(
        name = "alerts",
        description = {
            "Lists alerts through the API, one page, newest first: a table, or the API's JSON with --json",
            "(pass --after with next_cursor for the next page). 'alerts acknowledge' and 'alerts resolve'",
            "take an alert through its lifecycle with a reason."
        },
        subcommands = {AlertsCommand.Acknowledge.class, AlertsCommand.Resolve.class})
final class AlertsCommand extends ListCommand {
    private static final FixedTable TABLE = new FixedTable(
            "%-8s %-16s %-8s %-12s %-24s %-24s %s%n",
            List.of("ID", "RULE", "SEVERITY", "STATUS", "SUBJECT", "OPENED", "SUMMARY"),
            a -> List.of(
                    a.path("id").asText(),
                    a.path("rule").asText(),
                    a.path("severity").asText(),
                    a.path("status").asText(),
                    subject(a),
                    a.path("opened_at").asText(),
                    a.path("summary").asText()));

    /** An alert's subject as one cell: {@code type ID}, the type in lower case. */
    private static String subject(JsonNode alert) {
        return alert.path("subject_type").asText().toLowerCase(Locale.ROOT) + " "
                + alert.path("subject_id").asText();
    }

    @Option(names = "--status", description = "OPEN, ACKNOWLEDGED or RESOLVED")
    String status;

    @Option(names = "--chip", description = "only alerts about this chip serial")
    String chip;

    AlertsCommand() {
        super("alert", TABLE);
    }

    @Override
    Map<String, String> filters() {
        return given("status", status, "chip_serial", chip);
    }

    /**
     * One step of an alert's lifecycle with a reason: prints the alert as it now stands. The command
     * is named as the API route's last segment ({@code acknowledge} or {@code resolve}).
     */
    abstract static class Step extends ApiView {
        @Parameters(index = "0", paramLabel = "ID", description = "The alert's id (the ID column of 'locus alerts').")
        long id;

        @Option(
                names = "--reason",
                required = true,
                description = "Why, for the audit log and the alert's history (1 to 2000 characters).")
        String reason;

        @Override
        String answer() throws Exception {
            return api.postJson(
                    "/api/v1/alerts/" + id + "/" + spec.name(),
                    WireJson.mapper().writeValueAsString(new AlertNote(reason)));
        }

        @Override
        void human(JsonNode alert, PrintWriter out) {
            nowStands("alert", alert, subject(alert), out);
        }
    }

    @Command(
            name = "acknowledge",
            description = "Acknowledges an OPEN alert: someone is on it (the reason says who and what next).")
    static final class Acknowledge extends Step {}

    @Command(
            name = "resolve",
            description = {
                "Resolves an OPEN or ACKNOWLEDGED alert with the reason it is closed.",
                "Resolving SUSPECT_LANDMARK clears the landmark for the mesh audit."
            })
    static final class Resolve extends Step {}
}
