package dev.locus.wire;

/**
 * The control plane answered with an error: the HTTP status and the API's stable error body (code,
 * message and the fields at fault).
 */
public final class LocusApiException extends LocusWireException {
    private static final long serialVersionUID = 1L;

    private final String request;
    private final int status;
    private final transient ApiError error;

    /**
     * @param request the method and URL, e.g. {@code GET https://cp:8443/api/v1/alerts}
     */
    public LocusApiException(String request, int status, ApiError error) {
        super(request + " answered HTTP " + status + ": " + error.code() + ": " + error.message());
        this.request = request;
        this.status = status;
        this.error = error;
    }

    /** The method and URL that was refused, e.g. {@code GET https://cp:8443/api/v1/alerts}. */
    public String request() {
        return request;
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
