package dev.locus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.wire.WireJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code locus cases list|open|show|update|note|close|report}: red-flag cases through the API. Each
 * change is made with the token's name and goes in the audit log on the server.
 */
@Command(
        name = "cases",
        description = {
            "Red-flag cases through the API. A case groups every finding about one party, site or chip",
            "(red flags, screening hits, location alerts) with an owner, a status (OPEN, INVESTIGATING,",
            "CLOSED), notes, a due date and a decision; every change is in the audit log under the token's",
            "name. A case opens by itself when a subject's risk reaches 10; 'cases open' opens one by hand."
        },
        subcommands = {
            CasesCommand.ListCases.class,
            CasesCommand.Open.class,
            CasesCommand.Show.class,
            CasesCommand.Update.class,
            CasesCommand.Note.class,
            CasesCommand.Close.class,
            CasesCommand.Report.class
        })
final class CasesCommand extends GroupCommand {
    private static final FixedTable TABLE = new FixedTable(
            "%-8s %-13s %-16s %-10s %-28s %-12s %s%n",
            List.of("ID", "STATUS", "OWNER", "DUE", "SUBJECT", "DECISION", "TITLE"),
            c -> List.of(
                    c.path("id").asText(),
                    c.path("status").asText(),
                    c.path("owner").asText("-"),
                    c.path("due_on").asText("-"),
                    FixedTable.subject(c),
                    c.path("decision").asText("-"),
                    c.path("title").asText()));
    private static final String STATUSES = "OPEN, INVESTIGATING or CLOSED";
    private static final String DECISIONS = "NO_VIOLATION, LICENCE_ACTION, REPORTED_TO_BIS or ESCALATED";

    @Command(name = "list", description = "Lists one page of cases: a table, or the API's JSON with --json.")
    static final class ListCases extends ListCommand.AboutSubject {
        @Option(names = "--status", description = STATUSES)
        String status;

        @Option(names = "--owner", description = "only cases this person owns")
        String owner;

        ListCases() {
            super("case", TABLE);
        }

        @Override
        Map<String, String> ownFilters() {
            return given("status", status, "owner", owner);
        }
    }

    @Command(
            name = "open",
            description = {
                "Opens a case about a party, site or chip, with a title and optionally an owner and a due",
                "date. The case groups every finding about its subject; --finding names the findings that",
                "prompted it (each must be about the subject; without --subject the first one's subject is",
                "taken), and they are recorded in a note on the case. Refused (exit 5, CONFLICT) while a",
                "case about the subject is still OPEN or INVESTIGATING. Prints the case opened.",
                "Example: locus cases open --subject-type party --subject sg-lion-gate \\",
                "           --title 'Billed to SG, shipped to MY' --owner analyst-1 --due 2027-01-15"
            })
    static final class Open extends ApiView {
        @Mixin
        SubjectOptions subject;

        @Option(names = "--title", required = true, description = "what the case is about (1-300 characters)")
        String title;

        @Mixin
        Assignment assigned;

        @Option(
                names = "--finding",
                paramLabel = "ID",
                arity = "1..*",
                description = "findings that prompted the case (the ID column of 'locus findings')")
        List<Long> findings = new ArrayList<>();

        @Override
        String answer() throws Exception {
            List<JsonNode> prompted = new ArrayList<>();
            for (long f : findings) {
                prompted.add(api.client().getJson("/api/v1/findings/" + f));
            }
            String type = subject.type;
            String id = subject.id;
            if (id == null && !prompted.isEmpty()) {
                type = prompted.getFirst().path("subject_type").asText();
                id = prompted.getFirst().path("subject_id").asText();
            }
            if (id == null || type == null) {
                throw new IllegalArgumentException(
                        "a case needs a subject: give --subject-type and --subject, or --finding ID");
            }
            String wantedType = type.toUpperCase(Locale.ROOT);
            for (JsonNode f : prompted) {
                String about = f.path("subject_type").asText() + " "
                        + f.path("subject_id").asText();
                if (!about.equals(wantedType + " " + id)) {
                    throw new IllegalArgumentException("finding " + f.path("id").asText() + " is about " + about
                            + ", not " + wantedType + " " + id + ": a case groups the findings about one subject");
                }
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("subject_type", wantedType);
            fields.put("subject_id", id);
            fields.put("title", title);
            fields.putAll(assigned.fields());
            String opened = api.postJson("/api/v1/cases", WireJson.mapper().writeValueAsString(fields));
            if (!prompted.isEmpty()) {
                List<String> named = prompted.stream()
                        .map(f -> f.path("id").asText() + " (" + f.path("rule").asText() + ")")
                        .toList();
                String caseId = WireJson.mapper().readTree(opened).path("id").asText();
                api.postJson(
                        "/api/v1/cases/" + caseId + "/notes",
                        WireJson.mapper()
                                .writeValueAsString(
                                        Map.of("text", "Opened on finding(s) " + String.join(", ", named))));
            }
            return opened;
        }

        @Override
        void human(JsonNode c, PrintWriter out) {
            TABLE.printItem(c, out);
            if (!findings.isEmpty()) {
                out.println("prompted by finding(s) " + findings + " (noted on the case)");
            }
        }
    }

    @Command(name = "show", description = "Shows a case: its details, explained risk, findings and notes.")
    static final class Show extends ApiView.One {
        @Override
        String collection() {
            return "cases";
        }

        @Override
        void human(JsonNode v, PrintWriter out) {
            JsonNode d = v.path("details");
            TABLE.printItem(d, out);
            if (d.path("decision_note").isTextual()) {
                out.println("decision note: " + d.path("decision_note").asText());
            }
            out.println("risk score: " + v.path("risk").path("score").asText());
            out.println("findings:");
            JsonTable.print(v.path("findings"), out);
            out.println("notes:");
            for (JsonNode n : v.path("notes")) {
                out.println("  " + n.path("written_at").asText() + " "
                        + n.path("author").asText() + ": " + n.path("text").asText());
            }
        }
    }

    /** Who owns a case and when its decision is due: given when it is opened, changed by an update. */
    static final class Assignment {
        @Option(names = "--owner", description = "who owns the case")
        String owner;

        @Option(names = "--due", paramLabel = "YYYY-MM-DD", description = "when a decision is due")
        String due;

        /** The case's fields {@code owner} and {@code due_on}, where given. */
        Map<String, String> fields() {
            return ListCommand.given("owner", owner, "due_on", due);
        }
    }

    /** The decision options of a change: what was decided and why. */
    static final class DecisionOptions {
        @Option(names = "--decision", description = DECISIONS)
        String decision;

        @Option(names = "--decision-note", paramLabel = "TEXT", description = "why the decision was taken")
        String note;
    }

    /** A change of a case's fields; prints the case as it now stands. */
    abstract static class CaseChange extends ApiView {
        @Mixin
        ResourceId kase;

        @Mixin
        DecisionOptions decided;

        /** The fields to change besides the decision's. */
        abstract Map<String, String> fields();

        @Override
        final String answer() throws Exception {
            Map<String, String> fields = fields();
            fields.putAll(ListCommand.given("decision", decided.decision, "decision_note", decided.note));
            if (fields.isEmpty()) {
                throw new IllegalArgumentException(
                        "nothing to change: give --status, --owner, --due, --decision or --decision-note");
            }
            return api.postJson(kase.path("cases"), WireJson.mapper().writeValueAsString(fields));
        }

        @Override
        final void human(JsonNode c, PrintWriter out) {
            TABLE.printItem(c, out);
        }
    }

    @Command(
            name = "update",
            description = {
                "Changes a case's status, owner, due date or decision (closing needs a decision; see also",
                "'cases close'); prints the case as it now stands."
            })
    static final class Update extends CaseChange {
        @Option(names = "--status", description = STATUSES)
        String status;

        @Mixin
        Assignment assigned;

        @Override
        Map<String, String> fields() {
            Map<String, String> fields = ListCommand.given("status", status);
            fields.putAll(assigned.fields());
            return fields;
        }
    }

    @Command(
            name = "close",
            description = {
                "Decides and closes a case: status CLOSED with --decision (required) and, optionally,",
                "--decision-note saying why; prints the case as it now stands."
            })
    static final class Close extends CaseChange {
        @Override
        Map<String, String> fields() {
            if (decided.decision == null) {
                throw new IllegalArgumentException(
                        "a case is closed with a decision: give --decision (" + DECISIONS + ")");
            }
            return ListCommand.given("status", "CLOSED");
        }
    }

    @Command(name = "note", description = "Adds a note to a case.")
    static final class Note extends ApiView {
        @Mixin
        ResourceId kase;

        @Option(names = "--text", required = true, description = "the note (1-4000 characters)")
        String text;

        @Override
        String answer() throws Exception {
            return api.postJson(
                    kase.path("cases") + "/notes", WireJson.mapper().writeValueAsString(Map.of("text", text)));
        }

        @Override
        void human(JsonNode n, PrintWriter out) {
            out.printf(
                    "note %s added to case %s by %s%n",
                    n.path("id").asText(), kase.id, n.path("author").asText());
        }
    }

    @Command(
            name = "report",
            description = {
                "Writes a case's credible-information report (json, html or pdf) to a file, or json or",
                "html to stdout."
            })
    static final class Report extends ApiCommand {
        @Mixin
        ResourceId kase;

        @Option(names = "--format", defaultValue = "pdf", description = "json, html or pdf (default: ${DEFAULT-VALUE})")
        String format;

        @Mixin
        ReportFile file;

        @Override
        public Integer call() throws Exception {
            return report(
                    kase.path("cases") + "/report?format=" + encode(format),
                    format,
                    file,
                    "case " + kase.id + " report");
        }
    }
}
