package dev.locus.compliance;

/** The compliance module's unchecked root exception; always carries its cause. */
public final class LocusComplianceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LocusComplianceException(String message, Throwable cause) {
        super(message, cause);
    }
}
