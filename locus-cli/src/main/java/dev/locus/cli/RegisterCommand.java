package dev.locus.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code locus register KIND --field value ...}: one registry record through the API, the single
 * record counterpart of {@code locus import}. Options carry the API's field names ({@code --operator-id}
 * is {@code operator_id}). Exit 0 with the stored record as JSON on stdout; 2 when the options fail
 * a check made before sending; 5 when the server refuses, with its stable code and every problem.
 */
@Command(
        name = "register",
        description = {
            "Registers one organisation, site, licence, chip, landmark or custody event through the API.",
            "Prints the stored record as JSON. Each option is the API field of the same",
            "name with - for _ (--operator-id sets operator_id). Exit 2 when an option",
            "fails a check made before sending (nothing is sent); exit 5 when the server",
            "refuses, showing its stable error code and every field problem. For many",
            "records at once use 'locus import'."
        },
        modelTransformer = RegisterCommand.Kinds.class)
final class RegisterCommand extends GroupCommand {
    /** Adds one subcommand per kind of record in {@link RegistryForms#ALL}. */
    static final class Kinds implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec register) {
            for (RegistryForm form : RegistryForms.ALL) {
                register.addSubcommand(form.name(), new CommandLine(form.command()));
            }
            return register;
        }
    }
}
