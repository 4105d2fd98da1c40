package dev.locus.server.registry;

import dev.locus.server.common.FieldProblem;
import java.util.List;

/** Outcome of an all-or-nothing bulk import. */
public sealed interface ImportResult {

    /** Every row was valid and all were committed together. */
    record Imported(String kind, int count) implements ImportResult {}

    /** At least one row was bad: nothing was committed; every problem found is listed. */
    record Rejected(String kind, int rows, List<FieldProblem> problems) implements ImportResult {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
