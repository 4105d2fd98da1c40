package dev.locus.compliance.outcome;

/**
 * What a change asked of the compliance record came to: done, or refused as an expected rejection
 * (the thing named does not exist, or the change conflicts with what is stored). Invalid input is
 * not an outcome: it throws {@code InvalidInputException} with every problem named.
 */
public sealed interface Outcome<T> {

    /** The change was made (and is durable). */
    record Done<T>(T value) implements Outcome<T> {}

    /** No {@code what} with id {@code id}. */
    record NotFound<T>(String what, String id) implements Outcome<T> {}

    /** The change contradicts the stored record; {@code detail} says how. */
    record Conflict<T>(String detail) implements Outcome<T> {}

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> notFound(String what, String id) {
        return new NotFound<>(what, id);
    }

    static <T> Outcome<T> conflict(String detail) {
        return new Conflict<>(detail);
    }
}
