package dev.locus.sim.latency;

/** A data file that cannot be used, with the file, line and field that are wrong. */
public final class DataFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DataFileException(String file, long line, String message) {
        super(file + ":" + line + ": " + message);
    }

    public DataFileException(String file, long line, String message, Throwable cause) {
        super(file + ":" + line + ": " + message, cause);
    }
}
