package dev.locus.compliance.screening;

/**
 * Screening cannot run: the lists are still loading after the wait allowed, or loading them failed
 * (the message says which, and for a malformed file its name and line). Nothing was changed; the
 * API answers 503 with the message.
 */
public final class ScreeningListsUnavailableException extends RuntimeException {
    public ScreeningListsUnavailableException(String message) {
        super(message);
    }
}
