package dev.locus.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code locus} command. Each subcommand lives in its own class and is
 * registered in {@link #commandLine()}, in the order {@code --help} lists them; the record
 * collections' commands are built from {@link RecordCommands}' table.
 */
@Command(
        name = "locus",
        versionProvider = LocusCli.Version.class,
        description = {
            "Locus proves where export-controlled AI accelerators run, from signed, timed challenge-responses with landmarks at known positions (light is the speed limit)."
        },
        footerHeading = "%nCommands of the ./locus script itself:%n",
        footer = {
            "  test       The whole test suite (mvnw verify; arguments go to Maven), with a JDK 21+.",
            "  build      Rebuild locus.jar now (./locus rebuilds by itself when sources changed)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Done.",
            "1:Bad input or a failed step (said on stderr).",
            "2:Bad command line (usage on stderr); register: an option failed a local check.",
            "3:eval, screen eval: an unsound verdict or a missed target.",
            "4:landmark-round-trips: some round trips were rejected.",
            "5:The control plane refused the request: the request, its error code, message and fields on stderr"
                    + " (with --json also its error body on stdout).",
            "6:The control plane could not be reached, or its TLS certificate was not trusted.",
            "70:A bug (stack trace on stderr)."
        })
public final class LocusCli extends GroupCommand {
    /** Builds the command line with every subcommand registered. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LocusCli());
        List.of(
                        DemoCommand.class,
                        EvalCommand.class,
                        CaCommand.class,
                        LandmarkCommand.class,
                        AgentCommand.class,
                        BenchCommand.class,
                        VerifyCommand.class,
                        RelayCommand.class,
                        ServerCommand.class,
                        AuditCommand.class,
                        RegisterCommand.class,
                        ShowCommand.class,
                        ImportCommand.class,
                        ReceiptsCommand.class,
                        LandmarkRoundTripsCommand.class,
                        AlertsCommand.class,
                        ReportCommand.class,
                        InventoryCommand.class,
                        TokensCommand.class)
                .forEach(command -> add(cli, command));
        RecordCommands.addTo(cli);
        List.of(
                        FindingsCommand.class,
                        CasesCommand.class,
                        dev.locus.cli.screen.ScreenCommand.class,
                        ScreeningCommand.class,
                        CommandLine.HelpCommand.class)
                .forEach(command -> add(cli, command));
        // after the subcommands: these settings reach only those already registered
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /**
     * Adds {@code command} as built on its own, so that its model transformer (register's kinds)
     * is applied as it is to a top-level command.
     */
    private static void add(CommandLine cli, Class<?> command) {
        cli.addSubcommand(new CommandLine(command));
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = LocusCli.class.getPackage().getImplementationVersion();
            return new String[] {"locus " + (v == null ? "development build" : v)};
        }
    }
}
