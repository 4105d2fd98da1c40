package dev.locus.wire;

/**
 * The control plane could not be reached, or its TLS certificate was not trusted: no request was
 * answered. The message names the server and, for TLS, why its certificate was refused.
 */
public final class LocusConnectionException extends LocusWireException {
    private static final long serialVersionUID = 1L;

    public LocusConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
