package dev.locus.compliance.screening;

import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.FieldReader;
import dev.locus.server.common.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A person's decision on a hit: confirm it (the party is the listed one) or dismiss it, with a reason. */
public record HitDecision(Verdict verdict, String reason) {
    static final int MAX_REASON = 2000;

    public enum Verdict {
        CONFIRM,
        DISMISS;

        Hit.Status status() {
            return this == CONFIRM ? Hit.Status.CONFIRMED : Hit.Status.DISMISSED;
        }
    }

    /**
     * Reads {@code decision} (confirm|dismiss) and {@code reason} (1 to 2,000 characters).
     *
     * @throws InvalidInputException naming every bad field
     */
    public static HitDecision parse(Map<String, String> fields) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldReader r = new FieldReader(fields, 0, problems);
        Verdict v = r.enumValue("decision", Verdict.class, Verdict.DISMISS);
        String reason = r.text("reason", MAX_REASON);
        r.rejectUnknown(List.of("decision", "reason"));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new HitDecision(v, reason);
    }
}
