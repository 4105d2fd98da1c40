package dev.locus.cli;

/** The {@code locus} command's exit codes, one meaning each; listed in {@code ./locus --help} ({@link LocusCli}). */
final class ExitCodes {
    private ExitCodes() {}

    /** Bad input (a file, an option's value) or a failed step, said on stderr. */
    static final int FAILED = 1;
    /** The control plane answered an error: its code, message and fields are on stderr. */
    static final int API_REFUSED = 5;
    /** The control plane could not be reached, or its TLS certificate was not trusted. */
    static final int API_UNREACHABLE = 6;
    /** A bug: the stack trace is on stderr. */
    static final int BUG = 70;
}
