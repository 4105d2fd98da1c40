package dev.locus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.persistence.DataDirectory;
import dev.locus.wire.IssuedToken;
import dev.locus.wire.RegistryValues;
import dev.locus.wire.TokenRequest;
import dev.locus.wire.WireJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code locus tokens list|issue|revoke}: API tokens through the admin API (needs an ADMIN token). */
@Command(
        name = "tokens",
        description = "Lists, issues and revokes API tokens through the API (needs an ADMIN token).",
        subcommands = {TokensCommand.ListTokens.class, TokensCommand.Issue.class, TokensCommand.Revoke.class})
final class TokensCommand extends GroupCommand {
    @Command(name = "list", description = "Lists every token's id, name, role, binding and state (never a secret).")
    static final class ListTokens extends ApiView {
        @Override
        String answer() {
            return api.get("/api/v1/tokens");
        }

        private static final FixedTable TABLE = new FixedTable(
                "%-14s %-20s %-28s %-16s %s%n",
                List.of("ID", "ROLE", "NAME", "BOUND TO", "STATE"),
                t -> List.of(
                        t.path("id").asText(),
                        t.path("role").asText(),
                        t.path("name").asText(),
                        t.path("bound_subject").asText("-"),
                        t.path("revoked_at").isTextual()
                                ? "revoked " + t.path("revoked_at").asText()
                                : "active"));

        @Override
        void human(JsonNode page, PrintWriter out) {
            TABLE.printRows(page.path("items"), out);
        }
    }

    @Command(
            name = "issue",
            description = {
                "Issues a token. The secret is shown once: with --out it goes to that file (mode 600),",
                "else it is the only line on stdout (the description goes to stderr), so",
                "TOKEN=$(./locus tokens issue ...) captures just the secret."
            })
    static final class Issue extends ApiCommand {
        @Option(names = "--name", required = true, description = "What the token is for, e.g. 'agent SN1' (1-100).")
        String name;

        @Option(names = "--role", required = true, description = "${COMPLETION-CANDIDATES}")
        RegistryValues.Role role;

        @Option(
                names = "--bound-subject",
                paramLabel = "ID",
                description = "The landmark id (LANDMARK) or chip serial (AGENT) the token may speak for.")
        String boundSubject;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the secret to this file, mode 600.")
        Path out;

        @Option(names = "--json", description = "Print the API's JSON answer (with the secret) instead.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            TokenRequest request = boundSubject == null
                    ? TokenRequest.unbound(name, role)
                    : TokenRequest.bound(name, role, boundSubject);
            IssuedToken t = api.client().issueToken(request);
            PrintWriter stdout = out();
            String what = "token " + t.id() + " issued: '" + t.name() + "', " + t.role()
                    + (t.boundSubject().isEmpty() ? "" : ", bound to " + t.boundSubject());
            if (json) {
                stdout.println(WireJson.mapper().writeValueAsString(t));
            } else if (out != null) {
                DataDirectory.writePrivate(out, t.token() + "\n");
                stdout.println(what + "; secret in " + out);
            } else {
                err().println(what);
                err().flush();
                stdout.println(t.token());
            }
            stdout.flush();
            return 0;
        }
    }

    @Command(
            name = "revoke",
            description = "Revokes a token at once (exit 5 with NOT_FOUND when no active token has that id).")
    static final class Revoke extends ApiCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The token's id (the ID column of 'tokens list').")
        String id;

        @Override
        public Integer call() {
            api.client().deleteOk("/api/v1/tokens/" + encode(id));
            print("token " + id + " revoked");
            return 0;
        }
    }
}
