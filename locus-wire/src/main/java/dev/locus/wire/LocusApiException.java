package dev.locus.wire;

/**
 * The control plane answered with an error: the HTTP status and the API's stable error body (code,
 * message and the fields at fault).
 */
public final class LocusApiException extends LocusWireException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ApiError error;

    public LocusApiException(String request, int status, ApiError error) {
        super(request + " answered HTTP " + status + ": " + error.code() + ": " + error.message());
        this.status = status;
        this.error = error;
    }

    /** The HTTP status code, e.g. 422. */
    public int status() {
        return status;
    }

    /** The API's error body. */
    public ApiError error() {
        return error;
    }
}
