package dev.locus.server.persistence;

import dev.locus.server.LocusServerException;

/**
 * The embedded database's files are locked by another process, normally the running server: the
 * embedded database is opened by one process at a time (it has no network listener to share it).
 */
public final class DatabaseInUseException extends LocusServerException {
    private static final long serialVersionUID = 1L;

    DatabaseInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
