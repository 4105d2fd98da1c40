package dev.locus.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands: without one it prints its usage. Like every Locus command
 * it has {@code --help} and {@code --version} (inherited by its subclasses, as {@link CliCommand}'s).
 */
@Command(mixinStandardHelpOptions = true)
abstract class GroupCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
