package dev.locus.server;

/** Root of the unchecked exceptions thrown by the control plane; always chains its cause. */
public class LocusServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LocusServerException(String message) {
        super(message);
    }

    public LocusServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
