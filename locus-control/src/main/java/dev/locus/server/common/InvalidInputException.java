package dev.locus.server.common;

import dev.locus.server.LocusServerException;
import java.util.List;
import java.util.stream.Collectors;

/** Input that failed validation; carries every problem found, not just the first. */
public final class InvalidInputException extends LocusServerException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
