package dev.locus.wire;

/** Root of everything the wire module throws: the API could not be reached or refused a request. */
public class LocusWireException extends RuntimeException {
    public LocusWireException(String message) {
        super(message);
    }

    public LocusWireException(String message, Throwable cause) {
        super(message, cause);
    }
}
