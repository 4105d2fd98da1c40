package dev.locus.server.api;

/** Stable error codes of the REST API, each with its HTTP status. Clients match on the code. */
public enum ErrorCode {
    BAD_REQUEST(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    VALIDATION_FAILED(422),
    IMPORT_REJECTED(422),
    RECEIPT_REJECTED(422),
    RATE_LIMITED(429),
    INTERNAL(500),
    UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
