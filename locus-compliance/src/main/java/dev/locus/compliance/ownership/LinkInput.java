package dev.locus.compliance.ownership;

import dev.locus.screening.ownership.Validity;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.FieldReader;
import dev.locus.server.common.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An ownership link as a person sends it, validated: the owner, the percentage, the dates. */
public record LinkInput(String ownerId, double percent, boolean direct, Validity validity) {

    private static final List<String> FIELDS = List.of("owner_id", "percent", "direct", "valid_from", "valid_until");

    /**
     * Reads {@code owner_id}, {@code percent} (0 exclusive to 100), {@code direct} (true|false,
     * default true), {@code valid_from} and {@code valid_until} (YYYY-MM-DD, optional).
     *
     * @throws InvalidInputException naming every bad field
     */
    public static LinkInput parse(Map<String, String> fields) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldReader r = new FieldReader(fields, 0, problems);
        String owner = r.id("owner_id");
        double percent = r.number("percent", 0, true, 100);
        boolean direct = true;
        String d = fields.getOrDefault("direct", "").strip().toLowerCase(Locale.ROOT);
        if (d.equals("false")) {
            direct = false;
        } else if (!d.isEmpty() && !d.equals("true")) {
            r.problem("direct", "must be true or false");
        }
        Optional<LocalDate> from = present(fields, "valid_from") ? Optional.of(r.date("valid_from")) : Optional.empty();
        Optional<LocalDate> until =
                present(fields, "valid_until") ? Optional.of(r.date("valid_until")) : Optional.empty();
        if (!Validity.ordered(from, until)) {
            r.problem("valid_until", "must not be before valid_from " + from.get());
        }
        r.rejectUnknown(FIELDS);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new LinkInput(owner, percent, direct, new Validity(from, until));
    }

    private static boolean present(Map<String, String> fields, String name) {
        String v = fields.get(name);
        return v != null && !v.isBlank();
    }
}
