package dev.locus.screening.list;

import dev.locus.screening.ScreeningException;

/** A list file that does not follow its published format: {@code file:line: field ...}. */
public final class ListFormatException extends ScreeningException {
    public ListFormatException(String file, long line, String detail) {
        super(file + ":" + line + ": " + detail);
    }

    public ListFormatException(String file, long line, String detail, Throwable cause) {
        super(file + ":" + line + ": " + detail, cause);
    }
}
