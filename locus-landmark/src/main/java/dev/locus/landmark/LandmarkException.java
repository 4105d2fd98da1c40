package dev.locus.landmark;

/** The root unchecked exception of the landmark module: the server cannot start or run. */
public class LandmarkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LandmarkException(String message, Throwable cause) {
        super(message, cause);
    }
}
