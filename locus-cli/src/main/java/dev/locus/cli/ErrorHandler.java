package dev.locus.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.locus.wire.ApiError;
import dev.locus.wire.LocusApiException;
import dev.locus.wire.LocusConnectionException;
import dev.locus.wire.WireJson;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * Turns exceptions escaping a subcommand into clear lines on stderr and an exit code of {@link
 * ExitCodes}. Input errors (bad files, bad flags) are expected and carry their own message; the
 * control plane's refusals show the request, the server's code, message and fields at fault; anything
 * else is a bug and gets its stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        PrintWriter err = cli.getErr();
        String name = cli.getCommandSpec().qualifiedName();
        try {
            if (ex instanceof LocusApiException refused) {
                return refused(refused, cli, name);
            }
            if (ex instanceof LocusConnectionException unreachable) {
                err.println(name + ": error: " + unreachable.getMessage());
                return ExitCodes.API_UNREACHABLE;
            }
            if (ex instanceof java.nio.file.NoSuchFileException missing) {
                err.println(name + ": error: file not found: " + missing.getFile());
                return ExitCodes.FAILED;
            }
            if (ex instanceof java.nio.file.AccessDeniedException denied) {
                err.println(name + ": error: permission denied: " + denied.getFile());
                return ExitCodes.FAILED;
            }
            if (ex instanceof IllegalArgumentException || ex instanceof java.io.IOException || isLocusError(ex)) {
                err.println(name + ": error: " + ex.getMessage());
                return ExitCodes.FAILED;
            }
            ex.printStackTrace(err);
            return ExitCodes.BUG;
        } finally {
            err.flush();
        }
    }

    /**
     * What was asked of which server, and the server's answer: code, message, one line per field.
     * With {@code --json} the error body also goes to stdout, where scripts read the command's output.
     */
    private static int refused(LocusApiException e, CommandLine cli, String name) {
        PrintWriter err = cli.getErr();
        ApiError error = e.error();
        err.println(name + ": the control plane refused " + e.request() + " (HTTP " + e.status() + ")");
        err.println("  " + error.code() + ": " + error.message());
        error.problems().forEach(p -> err.println("    " + p));
        CommandLine.ParseResult own = cli.getParseResult();
        if (own != null && own.hasMatchedOption("--json")) {
            try {
                PrintWriter out = cli.getOut();
                out.println(WireJson.mapper().writeValueAsString(Map.of("error", error)));
                out.flush();
            } catch (JsonProcessingException bug) {
                throw new IllegalStateException("cannot write an API error as JSON", bug);
            }
        }
        return ExitCodes.API_REFUSED;
    }

    private static boolean isLocusError(Throwable ex) {
        return ex.getClass().getName().startsWith("dev.locus.") && ex instanceof RuntimeException;
    }
}
