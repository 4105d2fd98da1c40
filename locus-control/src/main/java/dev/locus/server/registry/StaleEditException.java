package dev.locus.server.registry;

/** An edit started from a version of a record that is no longer the stored one. */
public final class StaleEditException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StaleEditException(String message) {
        super(message);
    }
}
