package dev.locus.geo;

/** Root of the unchecked exceptions thrown by the geo core for invalid input. */
public class GeoException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public GeoException(String message) {
        super(message);
    }

    public GeoException(String message, Throwable cause) {
        super(message, cause);
    }
}
