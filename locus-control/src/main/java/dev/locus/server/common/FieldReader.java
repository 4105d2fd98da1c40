package dev.locus.server.common;

import dev.locus.protocol.identity.Certificates;
import dev.locus.server.Bytes;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads typed fields from one input row (a CSV record, a JSON object or an API request body),
 * collecting every problem instead of stopping at the first. Not thread-safe; one per row.
 */
public final class FieldReader {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final Map<String, String> fields;
    private final int line;
    private final List<FieldProblem> problems;

    /**
     * @param fields field name to raw text (blank counts as missing)
     * @param line 1-based line or record number for messages, 0 for a single request
     * @param problems where problems are added
     */
    public FieldReader(Map<String, String> fields, int line, List<FieldProblem> problems) {
        this.fields = fields;
        this.line = line;
        this.problems = problems;
    }

    public int line() {
        return line;
    }

    private Optional<String> raw(String field) {
        String v = fields.get(field);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /**
     * Records a problem found by a later check (e.g. a reference to an unknown row), unless the
     * field already has one on this row (a missing id need not also be reported as unknown).
     */
    public void problem(String field, String message) {
        for (FieldProblem p : problems) {
            if (p.line() == line && p.field().equals(field)) {
                return;
            }
        }
        problems.add(new FieldProblem(line, field, raw(field).orElse(""), message));
    }

    private Optional<String> required(String field) {
        Optional<String> v = raw(field);
        if (v.isEmpty()) {
            problems.add(new FieldProblem(line, field, "", "is required"));
        }
        return v;
    }

    /** An identifier: 1 to 64 of letters, digits and {@code . _ : -}, starting with a letter or digit. */
    public String id(String field) {
        return required(field).map(v -> checkId(field, v)).orElse("");
    }

    public Optional<String> optionalId(String field) {
        return raw(field).map(v -> checkId(field, v));
    }

    private String checkId(String field, String v) {
        if (!ID.matcher(v).matches()) {
            problems.add(new FieldProblem(
                    line, field, v, "must be 1 to 64 letters, digits or . _ : - starting with a letter or digit"));
        }
        return v;
    }

    /** Free text of 1 to {@code maxLength} characters. */
    public String text(String field, int maxLength) {
        return required(field).map(v -> checkLength(field, v, maxLength)).orElse("");
    }

    /** Free text of at most {@code maxLength} characters; empty when missing. */
    public String optionalText(String field, int maxLength) {
        return raw(field).map(v -> checkLength(field, v, maxLength)).orElse("");
    }

    private String checkLength(String field, String v, int maxLength) {
        if (v.length() > maxLength) {
            problems.add(new FieldProblem(line, field, v, "must be at most " + maxLength + " characters"));
        }
        return v;
    }

    /** An ISO 3166-1 alpha-2 code, upper case. */
    public String country(String field) {
        return required(field)
                .map(v -> {
                    String upper = v.toUpperCase(Locale.ROOT);
                    if (!COUNTRY.matcher(upper).matches()) {
                        problems.add(new FieldProblem(
                                line, field, v, "must be an ISO 3166-1 alpha-2 country code such as SG"));
                    }
                    return upper;
                })
                .orElse("");
    }

    /** A finite number in [{@code min}, {@code max}] (exclusive of {@code min} when {@code minExclusive}). */
    public double number(String field, double min, boolean minExclusive, double max) {
        Optional<String> v = required(field);
        if (v.isEmpty()) {
            return Double.NaN;
        }
        String interval = (minExclusive ? "(" : "[") + fmt(min) + ", " + fmt(max) + "]";
        try {
            double d = Double.parseDouble(v.get());
            if (!Double.isFinite(d) || d < min || (minExclusive && d == min) || d > max) {
                problems.add(new FieldProblem(line, field, v.get(), "must be a number in " + interval));
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(line, field, v.get(), "must be a number in " + interval));
            return Double.NaN;
        }
    }

    /** As {@link #number} when present; empty when missing. */
    public Optional<Double> optionalNumber(String field, double min, double max) {
        if (raw(field).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(number(field, min, false, max));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** An integer in [{@code min}, {@code max}]. */
    public int integer(String field, int min, int max) {
        Optional<String> v = required(field);
        if (v.isEmpty()) {
            return 0;
        }
        try {
            int i = Integer.parseInt(v.get());
            if (i < min || i > max) {
                problems.add(
                        new FieldProblem(line, field, v.get(), "must be an integer in [" + min + ", " + max + "]"));
            }
            return i;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(line, field, v.get(), "must be an integer in [" + min + ", " + max + "]"));
            return 0;
        }
    }

    /** A date as {@code YYYY-MM-DD}. */
    public LocalDate date(String field) {
        Optional<String> v = required(field);
        if (v.isEmpty()) {
            return LocalDate.EPOCH;
        }
        try {
            return LocalDate.parse(v.get());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(line, field, v.get(), "must be a date as YYYY-MM-DD"));
            return LocalDate.EPOCH;
        }
    }

    /** One of the constants of {@code type}, case-insensitive. */
    public <E extends Enum<E>> E enumValue(String field, Class<E> type, E fallback) {
        Optional<String> v = required(field);
        if (v.isEmpty()) {
            return fallback;
        }
        return parseEnum(field, type, v.get()).orElse(fallback);
    }

    public <E extends Enum<E>> Optional<E> optionalEnum(String field, Class<E> type) {
        return raw(field).flatMap(v -> parseEnum(field, type, v));
    }

    private <E extends Enum<E>> Optional<E> parseEnum(String field, Class<E> type, String v) {
        try {
            return Optional.of(Enum.valueOf(type, v.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            problems.add(
                    new FieldProblem(line, field, v, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return Optional.empty();
        }
    }

    /** Base64 bytes of exactly {@code length} bytes. */
    public Optional<Bytes> optionalBase64(String field, int length) {
        return raw(field).flatMap(v -> base64(field, v, length));
    }

    public Bytes base64(String field, int length) {
        return required(field).flatMap(v -> base64(field, v, length)).orElse(Bytes.of(new byte[0]));
    }

    private Optional<Bytes> base64(String field, String v, int length) {
        try {
            Bytes b = Bytes.fromBase64(v);
            if (b.length() != length) {
                problems.add(new FieldProblem(
                        line, field, v, "must be base64 of exactly " + length + " bytes (decoded " + b.length() + ")"));
                return Optional.empty();
            }
            return Optional.of(b);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(line, field, v, "must be base64 of exactly " + length + " bytes"));
            return Optional.empty();
        }
    }

    /** One X.509 certificate, as PEM text or base64 of its DER encoding; empty when missing. */
    public Optional<X509Certificate> optionalCertificate(String field) {
        return raw(field).flatMap(v -> certificate(field, v));
    }

    private Optional<X509Certificate> certificate(String field, String v) {
        String allowed = "must be one X.509 certificate, as PEM or base64 of its DER encoding";
        try {
            if (v.contains("-----BEGIN")) {
                List<X509Certificate> all = Certificates.fromPem(v);
                if (all.size() != 1) {
                    problems.add(new FieldProblem(line, field, v, allowed + " (found " + all.size() + ")"));
                    return Optional.empty();
                }
                return Optional.of(all.get(0));
            }
            return Optional.of(
                    Certificates.parse(Bytes.fromBase64(v.replaceAll("\\s", "")).toArray()));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(line, field, v, allowed));
            return Optional.empty();
        }
    }

    /** Fields present in the row that no reader asked for; reported so typos do not pass silently. */
    public void rejectUnknown(List<String> known) {
        List<String> unknown = new ArrayList<>();
        for (String k : fields.keySet()) {
            if (!known.contains(k)) {
                unknown.add(k);
            }
        }
        for (String k : unknown) {
            problems.add(new FieldProblem(line, k, fields.get(k), "is not a known field; allowed: " + known));
        }
    }
}
