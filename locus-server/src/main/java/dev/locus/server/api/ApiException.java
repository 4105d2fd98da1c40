package dev.locus.server.api;

import dev.locus.server.LocusServerException;
import java.util.List;

/** An error answered to the client as JSON with a stable code and a safe message. */
public final class ApiException extends LocusServerException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;
    private final transient List<?> problems;

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public ApiException(ErrorCode code, String message, List<?> problems) {
        super(message);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public ErrorCode code() {
        return code;
    }

    public List<?> problems() {
        return problems;
    }
}
