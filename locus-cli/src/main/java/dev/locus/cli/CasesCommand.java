package dev.locus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.wire.WireJson;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code locus cases list|show|update|note|report}: red-flag cases through the API. Each change is
 * made with the token's name and goes in the audit log on the server.
 */
@Command(
        name = "cases",
        mixinStandardHelpOptions = true,
        description = "Lists, shows, changes, notes and reports red-flag cases through the API.",
        subcommands = {
            CasesCommand.ListCases.class,
            CasesCommand.Show.class,
            CasesCommand.Update.class,
            CasesCommand.Note.class,
            CasesCommand.Report.class
        })
final class CasesCommand extends GroupCommand {
    private static final String ROW = "%-8s %-13s %-16s %-10s %-28s %-12s %s%n";

    private static void row(JsonNode c, PrintWriter out) {
        out.printf(
                ROW,
                c.path("id").asText(),
                c.path("status").asText(),
                c.path("owner").asText("-"),
                c.path("due_on").asText("-"),
                c.path("subject_type").asText() + " " + c.path("subject_id").asText(),
                c.path("decision").asText("-"),
                c.path("title").asText());
    }

    private static void header(PrintWriter out) {
        out.printf(ROW, "ID", "STATUS", "OWNER", "DUE", "SUBJECT", "DECISION", "TITLE");
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists one page of cases: a table, or the API's JSON with --json.")
    static final class ListCases extends ApiCommand {
        @Option(names = "--status", description = "OPEN, INVESTIGATING or CLOSED")
        String status;

        @Option(names = "--owner", description = "only cases this person owns")
        String owner;

        @Option(names = "--subject", paramLabel = "ID", description = "only cases about this subject id")
        String subject;

        @Mixin
        PageOptions page;

        @Override
        public Integer call() throws Exception {
            StringBuilder q = page.start("/api/v1/cases");
            query(q, "status", status);
            query(q, "owner", owner);
            query(q, "subject_id", subject);
            return show(api.get(page.after(q)), page.json, (p, out) -> {
                header(out);
                p.path("items").forEach(c -> row(c, out));
                JsonTable.footer(p, "case", out);
            });
        }
    }

    /** A command about one case, named by its id. */
    abstract static class OneCase extends ApiCommand {
        @Parameters(
                index = "0",
                paramLabel = "ID",
                description = "The case's id (the ID column of 'locus cases list').")
        long id;

        String path() {
            return "/api/v1/cases/" + id;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Shows a case: its details, explained risk, findings and notes.")
    static final class Show extends OneCase {
        @Option(names = "--json", description = "Print the API's JSON instead of text.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            return show(api.get(path()), json, (v, out) -> {
                header(out);
                row(v.path("details"), out);
                JsonNode d = v.path("details");
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
            });
        }
    }

    @Command(
            name = "update",
            mixinStandardHelpOptions = true,
            description = {
                "Changes a case's status, owner, due date or decision (closing needs a decision);",
                "prints the case as it now stands."
            })
    static final class Update extends OneCase {
        @Option(names = "--status", description = "OPEN, INVESTIGATING or CLOSED")
        String status;

        @Option(names = "--owner", description = "who owns the case")
        String owner;

        @Option(names = "--due", paramLabel = "YYYY-MM-DD", description = "due date")
        String due;

        @Option(names = "--decision", description = "NO_VIOLATION, LICENCE_ACTION, REPORTED_TO_BIS or ESCALATED")
        String decision;

        @Option(names = "--decision-note", paramLabel = "TEXT", description = "why the decision was taken")
        String decisionNote;

        @Option(names = "--json", description = "Print the case as the API's JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Map<String, String> fields = new LinkedHashMap<>();
            put(fields, "status", status);
            put(fields, "owner", owner);
            put(fields, "due_on", due);
            put(fields, "decision", decision);
            put(fields, "decision_note", decisionNote);
            if (fields.isEmpty()) {
                throw new IllegalArgumentException(
                        "nothing to change: give --status, --owner, --due, --decision or --decision-note");
            }
            String answer = api.postJson(path(), WireJson.mapper().writeValueAsString(fields));
            return show(answer, json, (c, out) -> {
                header(out);
                row(c, out);
            });
        }

        private static void put(Map<String, String> fields, String name, String value) {
            if (value != null) {
                fields.put(name, value);
            }
        }
    }

    @Command(name = "note", mixinStandardHelpOptions = true, description = "Adds a note to a case.")
    static final class Note extends OneCase {
        @Option(names = "--text", required = true, description = "the note")
        String text;

        @Option(names = "--json", description = "Print the note as the API's JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            String answer = api.postJson(path() + "/notes", WireJson.mapper().writeValueAsString(Map.of("text", text)));
            return show(
                    answer,
                    json,
                    (n, out) -> out.printf(
                            "note %s added to case %s by %s%n",
                            n.path("id").asText(), id, n.path("author").asText()));
        }
    }

    @Command(
            name = "report",
            mixinStandardHelpOptions = true,
            description = {
                "Writes a case's credible-information report (json, html or pdf) to a file, or json or",
                "html to stdout."
            })
    static final class Report extends OneCase {
        @Option(names = "--format", defaultValue = "pdf", description = "json, html or pdf (default: ${DEFAULT-VALUE})")
        String format;

        @Option(
                names = {"-o", "--output"},
                paramLabel = "FILE",
                description = "write to this file instead of standard output")
        Path output;

        @Override
        public Integer call() throws Exception {
            String report = path() + "/report?format=" + URLEncoder.encode(format, StandardCharsets.UTF_8);
            if (output != null) {
                Files.write(output, api.client().getBytes(report));
                print("case " + id + " report written to " + output);
            } else if (format.equalsIgnoreCase("pdf")) {
                throw new IllegalArgumentException("--format pdf needs -o FILE (a PDF is not text)");
            } else {
                print(api.get(report));
            }
            return 0;
        }
    }
}
