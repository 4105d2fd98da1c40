package dev.locus.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The JSON body of one registry request, built from command-line options under their API field
 * names, with the checks that are cheap to make before asking the server (ranges, formats). Every
 * problem is collected, so one run reports all of them; the server checks everything again. Not
 * thread-safe.
 */
final class RegistryRequest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private final ObjectNode body = JSON.createObjectNode();
    private final List<String> problems = new ArrayList<>();

    /** An identifier as the registry allows it: 1 to 64 of letters, digits and {@code . _ : -}. */
    RegistryRequest id(String field, String value) {
        if (value != null) {
            if (!ID.matcher(value).matches()) {
                problem(field, value, "must be 1 to 64 letters, digits or . _ : - starting with a letter or digit");
            }
            body.put(field, value);
        }
        return this;
    }

    /** Checks an identifier that goes into the request's path, not its body. */
    RegistryRequest pathId(String field, String value) {
        if (!ID.matcher(value).matches()) {
            problem(field, value, "must be 1 to 64 letters, digits or . _ : - starting with a letter or digit");
        }
        return this;
    }

    /** Free text; omitted when null. */
    RegistryRequest text(String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
        return this;
    }

    /** An enumeration value by its name; omitted when null. */
    RegistryRequest name(String field, Enum<?> value) {
        if (value != null) {
            body.put(field, value.name());
        }
        return this;
    }

    RegistryRequest country(String field, String value) {
        if (value != null) {
            if (!COUNTRY.matcher(value).matches()) {
                problem(field, value, "must be an ISO 3166-1 alpha-2 country code such as SG");
            }
            body.put(field, value.toUpperCase(Locale.ROOT));
        }
        return this;
    }

    /** A finite number in [{@code min}, {@code max}], or ({@code min}, {@code max}] when {@code minExclusive}. */
    RegistryRequest number(String field, Double value, double min, boolean minExclusive, double max) {
        if (value != null) {
            double v = value;
            if (!Double.isFinite(v) || v < min || (minExclusive && v == min) || v > max) {
                problem(
                        field,
                        Double.toString(v),
                        "must be a number in " + (minExclusive ? "(" : "[") + fmt(min) + ", " + fmt(max) + "]");
            }
            body.put(field, v);
        }
        return this;
    }

    RegistryRequest integer(String field, Integer value, int min, int max) {
        if (value != null) {
            if (value < min || value > max) {
                problem(field, value.toString(), "must be an integer in [" + min + ", " + max + "]");
            }
            body.put(field, value);
        }
        return this;
    }

    /** Records a problem found by the caller (e.g. dates out of order). */
    void problem(String field, String value, String allowed) {
        problems.add(field + " " + allowed + ", got '" + value + "'");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Every problem found, in the order found; empty when the request may be sent. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The JSON body. */
    String json() {
        return body.toString();
    }
}
