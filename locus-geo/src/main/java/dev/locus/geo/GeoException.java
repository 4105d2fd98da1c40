package dev.locus.geo;

/** Root of the unchecked exceptions thrown by the geo core for invalid input. */
public class GeoException extends IllegalArgumentException {
    public GeoException(String message) {
        super(message);
    }

    public GeoException(String message, Throwable cause) {
        super(message, cause);
    }
}
