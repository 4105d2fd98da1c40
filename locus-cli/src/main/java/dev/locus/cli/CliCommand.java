package dev.locus.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * A command that writes to its command line's stdout and stderr (the process's own, or what a test
 * set with {@link CommandLine#setOut} and {@link CommandLine#setErr}); answers its exit code. Like
 * every Locus command it has {@code --help} and {@code --version} (picocli applies this class's
 * {@code @Command} attributes to its subclasses).
 */
@Command(mixinStandardHelpOptions = true)
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    /** The command's stdout. */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The command's stderr. */
    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The password of the PKCS#12 key stores, warning on stderr when it is the demo default. */
    final char[] keyPassword() {
        return KeyPasswords.get(err());
    }
}
