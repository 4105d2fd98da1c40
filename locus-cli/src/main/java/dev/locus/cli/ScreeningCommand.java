package dev.locus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.wire.WireJson;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code locus screening reload}: the server's screening lists, through the API. */
@Command(
        name = "screening",
        mixinStandardHelpOptions = true,
        description = "The control plane's screening lists, through the API (matching a name: 'locus screen').",
        subcommands = {ScreeningCommand.Reload.class})
final class ScreeningCommand extends GroupCommand {
    @Command(
            name = "reload",
            mixinStandardHelpOptions = true,
            description = {
                "Makes the server read its screening lists again from their folder (server option --screening-lists):",
                "each changed list version is stored and every party re-screened against the changed entries.",
                "Identical files change nothing. Prints each list's change and the hits that changed, or the",
                "API's JSON with --json. Needs an ADMIN token."
            })
    static final class Reload extends ApiCommand {
        @Option(names = "--json", description = "print the API's JSON answer")
        boolean json;

        @Override
        public Integer call() throws Exception {
            JsonNode answer = api.client().reloadScreeningLists();
            return show(WireJson.mapper().writeValueAsString(answer), json, Reload::human);
        }

        private static void human(JsonNode r, PrintWriter out) {
            out.printf(
                    "Screening lists from %s: %s%n",
                    r.path("source").asText(), r.path("changed").asBoolean() ? "changed" : "unchanged (same files)");
            out.printf(
                    "%-10s %-11s %-16s %8s %7s %7s %7s%n",
                    "LIST", "PUBLISHED", "SHA256", "ENTRIES", "ADDED", "REMOVED", "CHANGED");
            for (JsonNode l : r.path("lists")) {
                out.printf(
                        "%-10s %-11s %-16s %8d %7d %7d %7d%s%n",
                        l.path("source").asText(),
                        l.path("published_on").asText("-"),
                        l.path("sha256").asText().isEmpty()
                                ? "(no longer given)"
                                : l.path("sha256").asText().substring(0, 16),
                        l.path("entry_count").asInt(),
                        l.path("added").asInt(),
                        l.path("removed").asInt(),
                        l.path("changed_entries").asInt(),
                        l.path("changed").asBoolean() ? "" : " (same file)");
            }
            JsonNode hits = r.path("hits");
            out.printf("%d hit(s) changed%n", hits.size());
            for (JsonNode h : hits) {
                out.printf(
                        "  %-9s %-24s %s (hit %s)%n",
                        h.path("what").asText(),
                        h.path("party_id").asText(),
                        h.path("subject_key").asText(),
                        h.path("hit_id").asText());
            }
        }
    }
}
