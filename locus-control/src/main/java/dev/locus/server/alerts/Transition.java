package dev.locus.server.alerts;

/** Outcome of acknowledging or resolving an alert. */
public sealed interface Transition {
    record Done(Alert alert) implements Transition {}

    record NotFound(long id) implements Transition {}

    /** The alert is in a state the step cannot start from (e.g. acknowledging a resolved alert). */
    record WrongState(Alert alert, String detail) implements Transition {}
}
