package dev.locus.cli;

import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.identity.Certificates;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One kind of registry record as a {@code locus register} subcommand, from a table of its API
 * fields: each field is an option named after it ({@code operator_id} is {@code --operator-id}) with
 * its type, check and help, so a kind is a few lines of {@link RegistryForms} instead of a class.
 * The command checks what it can before sending (every problem at once, exit 2), then POSTs the body
 * and prints the stored record; the server's refusals go to the error handler (exit 5).
 *
 * @param name the subcommand, e.g. {@code site}
 * @param description its help text
 * @param fields the options, in help order
 * @param exclusive groups of fields of which at most one may be given, or exactly one when
 *     {@link Exclusive#required()}
 * @param path the API path to POST to, from the given values
 * @param check checks across fields, adding problems (e.g. dates out of order)
 */
record RegistryForm(
        String name,
        String description,
        List<Field> fields,
        List<Exclusive> exclusive,
        Function<Values, String> path,
        Check check) {

    /** Checks across fields. */
    interface Check {
        void apply(Values values, RegistryRequest request);
    }

    /** How a field's value goes into the request: checked, converted, or read from a file. */
    interface Put {
        void put(RegistryRequest request, String field, Object value) throws IOException;
    }

    /**
     * One API field as an option.
     *
     * @param api the API field, e.g. {@code latitude_deg}
     * @param option the option, e.g. {@code --latitude-deg}
     * @param type the option's Java type (picocli converts and names bad values)
     * @param required whether the option must be given
     * @param label the value's label in the help, e.g. {@code DEG} (default: the field's name)
     * @param help the option's help
     * @param put how the value goes into the request; null for a field of the path only
     */
    record Field(String api, String option, Class<?> type, boolean required, String label, String help, Put put) {
        Field option(String other) {
            return new Field(api, other, type, required, label, help, put);
        }

        Field label(String other) {
            return new Field(api, option, type, required, other, help, put);
        }

        Field optional() {
            return new Field(api, option, type, false, label, help, put);
        }
    }

    /** Options of which at most one (or, when required, exactly one) may be given. */
    record Exclusive(boolean required, List<String> options) {}

    /** The values given, by option name. */
    static final class Values {
        private final CommandSpec spec;

        Values(CommandSpec spec) {
            this.spec = spec;
        }

        @SuppressWarnings("unchecked")
        <T> T get(String option) {
            return (T) spec.findOption(option).getValue();
        }
    }

    /** The picocli command for this form. */
    CommandSpec command() {
        ApiOptions api = new ApiOptions();
        CommandSpec[] self = new CommandSpec[1];
        CommandSpec spec = CommandSpec.wrapWithoutInspection((Callable<Integer>) () -> send(api, self[0]));
        self[0] = spec;
        spec.name(name).mixinStandardHelpOptions(true).usageMessage().description(description);
        spec.addMixin("api", CommandSpec.forAnnotatedObject(api));
        List<String> grouped =
                exclusive.stream().flatMap(g -> g.options().stream()).toList();
        for (Field f : fields) {
            if (!grouped.contains(f.option())) {
                spec.addOption(option(f));
            }
        }
        for (Exclusive g : exclusive) {
            ArgGroupSpec.Builder group =
                    ArgGroupSpec.builder().exclusive(true).multiplicity(g.required() ? "1" : "0..1");
            fields.stream().filter(f -> g.options().contains(f.option())).forEach(f -> group.addArg(option(f)));
            spec.addArgGroup(group.build());
        }
        return spec;
    }

    private static OptionSpec option(Field f) {
        return OptionSpec.builder(f.option())
                .type(f.type())
                .required(f.required())
                .paramLabel(f.label())
                .description(f.help())
                .build();
    }

    private int send(ApiOptions api, CommandSpec spec) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String command = "locus register " + name;
        Values values = new Values(spec);
        RegistryRequest request = new RegistryRequest();
        for (Field f : fields) {
            Object v = values.get(f.option());
            if (f.put() != null && v != null) {
                f.put().put(request, f.api(), v);
            }
        }
        check.apply(values, request);
        if (!request.problems().isEmpty()) {
            err.println(command + ": " + request.problems().size() + " invalid option(s), nothing was sent:");
            request.problems().forEach(p -> err.println("  " + p));
            err.println("Try '" + command + " --help'.");
            err.flush();
            return 2;
        }
        out.println(api.postJson(path.apply(values), request.json()));
        out.flush();
        return 0;
    }

    // ---- field kinds ----

    static Field id(String api, String help) {
        return field(api, String.class, "", help, (r, f, v) -> r.id(f, (String) v));
    }

    static Field text(String api, String help) {
        return field(api, String.class, "", help, (r, f, v) -> r.text(f, (String) v));
    }

    static Field country(String api, String help) {
        return field(api, String.class, "", help, (r, f, v) -> r.country(f, (String) v));
    }

    static Field enumeration(String api, Class<? extends Enum<?>> type, String help) {
        return field(api, type, "", help, (r, f, v) -> r.name(f, (Enum<?>) v));
    }

    /** A number in [{@code min}, {@code max}], or ({@code min}, {@code max}] when {@code minExclusive}. */
    static Field number(String api, String label, double min, boolean minExclusive, double max, String help) {
        return field(api, Double.class, label, help, (r, f, v) -> r.number(f, (Double) v, min, minExclusive, max));
    }

    static Field integer(String api, String label, int min, int max, String help) {
        return field(api, Integer.class, label, help, (r, f, v) -> r.integer(f, (Integer) v, min, max));
    }

    /** A value sent as its ISO-8601 text (a date, an instant), parsed by picocli first. */
    static Field iso(String api, Class<?> type, String label, String help) {
        return field(api, type, label, help, (r, f, v) -> r.text(f, v.toString()));
    }

    /** A PEM certificate file, sent as its text (refused locally when it holds no certificate). */
    static Field pemText(String api, String help) {
        return field(api, Path.class, "PEM", help, (r, f, v) -> {
            Certificates.readPem((Path) v);
            r.text(f, Files.readString((Path) v));
        });
    }

    /** A PEM certificate file whose Ed25519 public key is sent, raw and base64. */
    static Field pemKey(String api, String help) {
        return field(
                api,
                Path.class,
                "PEM",
                help,
                (r, f, v) -> r.text(
                        f,
                        Base64.getEncoder()
                                .encodeToString(Ed25519Keys.rawPublicKey(
                                        Certificates.readPem((Path) v).get(0).getPublicKey()))));
    }

    /** A value that goes into the request's path, checked as an identifier. */
    static Field pathId(String api, String help) {
        return field(api, String.class, "", help, (r, f, v) -> r.pathId(f, (String) v));
    }

    private static Field field(String api, Class<?> type, String label, String help, Put put) {
        return new Field(
                api,
                "--" + api.replace('_', '-'),
                type,
                true,
                label.isEmpty() ? api.toUpperCase(Locale.ROOT) : label,
                help,
                put);
    }

    /** No check across fields. */
    static void none(Values values, RegistryRequest request) {}

    static List<Field> list(Field... fields) {
        return new ArrayList<>(List.of(fields));
    }
}
