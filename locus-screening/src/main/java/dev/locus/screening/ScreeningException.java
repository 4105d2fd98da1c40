package dev.locus.screening;

/** The one unchecked root exception of the screening library; always names what and where. */
public class ScreeningException extends RuntimeException {
    public ScreeningException(String message) {
        super(message);
    }

    public ScreeningException(String message, Throwable cause) {
        super(message, cause);
    }
}
