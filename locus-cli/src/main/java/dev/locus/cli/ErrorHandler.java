package dev.locus.cli;

import picocli.CommandLine;

/**
 * Turns exceptions escaping a subcommand into one clear line on stderr and exit code 1. Input
 * errors (bad files, bad flags) are expected and carry their own message; anything else is a
 * bug and gets its stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        if (ex instanceof java.nio.file.NoSuchFileException missing) {
            cli.getErr().println("locus " + cli.getCommandName() + ": error: file not found: " + missing.getFile());
            return 1;
        }
        if (ex instanceof java.nio.file.AccessDeniedException denied) {
            cli.getErr().println("locus " + cli.getCommandName() + ": error: permission denied: " + denied.getFile());
            return 1;
        }
        if (ex instanceof IllegalArgumentException || ex instanceof java.io.IOException || isLocusError(ex)) {
            cli.getErr().println("locus " + cli.getCommandName() + ": error: " + ex.getMessage());
            return 1;
        }
        ex.printStackTrace(cli.getErr());
        return 70;
    }

    private static boolean isLocusError(Throwable ex) {
        return ex.getClass().getName().startsWith("dev.locus.") && ex instanceof RuntimeException;
    }
}
