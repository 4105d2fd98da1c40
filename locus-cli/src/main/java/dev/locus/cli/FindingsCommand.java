package dev.locus.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code locus findings}: one page of red-flag findings, narrowed by status, rule, severity and subject. */
@Command(
        name = "findings",
        mixinStandardHelpOptions = true,
        description = {
            "Lists red-flag findings through the API, one page: a table, or the API's JSON with --json",
            "(pass --after with next_cursor for the next page)."
        })
final class FindingsCommand extends ApiCommand {
    @Option(names = "--status", description = "OPEN, DISMISSED or RESOLVED")
    String status;

    @Option(names = "--rule", description = "a rule, e.g. SITE_LACKS_CAPACITY")
    String rule;

    @Option(names = "--severity", description = "INFO, WARNING or CRITICAL")
    String severity;

    @Option(names = "--subject-type", description = "PARTY, SITE, CHIP or COUNTRY")
    String subjectType;

    @Option(names = "--subject", paramLabel = "ID", description = "only findings about this subject id")
    String subject;

    @Mixin
    PageOptions page;

    @Override
    public Integer call() throws Exception {
        StringBuilder q = page.start("/api/v1/findings");
        query(q, "status", status);
        query(q, "rule", rule);
        query(q, "severity", severity);
        query(q, "subject_type", subjectType);
        query(q, "subject_id", subject);
        return show(api.get(page.after(q)), page.json, (p, out) -> {
            out.printf("%-8s %-32s %-8s %-9s %-28s %s%n", "ID", "RULE", "SEVERITY", "STATUS", "SUBJECT", "SUMMARY");
            for (var f : p.path("items")) {
                out.printf(
                        "%-8s %-32s %-8s %-9s %-28s %s%n",
                        f.path("id").asText(),
                        f.path("rule").asText(),
                        f.path("severity").asText(),
                        f.path("status").asText(),
                        f.path("subject_type").asText() + " "
                                + f.path("subject_id").asText(),
                        f.path("summary").asText());
            }
            JsonTable.footer(p, "finding", out);
        });
    }
}
