package dev.locus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.wire.WireJson;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code locus screening reload}: the server's screening lists, through the API. */
@Command(
        name = "screening",
        description = "The control plane's screening lists, through the API (matching a name: 'locus screen').",
        subcommands = {ScreeningCommand.Reload.class})
final class ScreeningCommand extends GroupCommand {
    @Command(
            name = "reload",
            description = {
                "Makes the server read its screening lists again from their folder (server option --screening-lists):",
                "each changed list version is stored and every party re-screened against the changed entries.",
                "Identical files change nothing. Prints each list's change and the hits that changed, or the",
                "API's JSON with --json. Needs an ADMIN token."
            })
    static final class Reload extends ApiView {
        @Override
        String answer() throws Exception {
            return WireJson.mapper().writeValueAsString(api.client().reloadScreeningLists());
        }

        /** One row per list: source, publication date, hash prefix, entries, added, removed, changed. */
        private static final FixedTable LISTS = new FixedTable(
                "%-10s %-11s %-17s %8s %7s %7s %7s%s%n",
                List.of("LIST", "PUBLISHED", "SHA256", "ENTRIES", "ADDED", "REMOVED", "CHANGED", ""), Reload::cells);

        private static List<String> cells(JsonNode l) {
            String sha = l.path("sha256").asText();
            return List.of(
                    l.path("source").asText(),
                    l.path("published_on").asText("-"),
                    sha.isEmpty() ? "(no longer given)" : sha.substring(0, 16),
                    l.path("entry_count").asText(),
                    l.path("added").asText(),
                    l.path("removed").asText(),
                    l.path("changed_entries").asText(),
                    l.path("changed").asBoolean() ? "" : " (same file)");
        }

        @Override
        void human(JsonNode r, PrintWriter out) {
            boolean changed = r.path("changed").asBoolean();
            out.printf(
                    "Screening lists from %s: %s%n",
                    r.path("source").asText(), changed ? "changed" : "unchanged (same files)");
            LISTS.printRows(r.path("lists"), out);
            JsonNode hits = r.path("hits");
            out.printf("%d hit(s) changed%n", hits.size());
            hits.forEach(h -> out.printf(
                    "  %-9s %-24s %s (hit %s)%n",
                    h.path("what").asText(),
                    h.path("party_id").asText(),
                    h.path("subject_key").asText(),
                    h.path("hit_id").asText()));
        }
    }
}
