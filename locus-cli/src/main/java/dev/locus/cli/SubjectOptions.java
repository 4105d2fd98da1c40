package dev.locus.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The subject of a finding or a case: {@code --subject-type} and {@code --subject}. A listing is
 * narrowed to it; {@code cases open} opens a case about it.
 */
final class SubjectOptions {
    @Option(
            names = "--subject-type",
            paramLabel = "TYPE",
            description = "party, site or chip (findings also: country); any case")
    String type;

    @Option(
            names = "--subject",
            paramLabel = "ID",
            description = "the subject's id: a party id, a site id, a chip serial (or a country code)")
    String id;

    /** The listing's filters by the subject's type and id, where given. */
    Map<String, String> filters() {
        return ListCommand.given("subject_type", type, "subject_id", id);
    }
}
