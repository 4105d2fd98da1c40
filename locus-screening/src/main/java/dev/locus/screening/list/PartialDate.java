package dev.locus.screening.list;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date known to the year, month or day, as lists and queries give dates of birth. {@code month}
 * and {@code day} are 0 when unknown. Parsing is lenient because lists and queries both carry
 * errors ("1974-01-32" keeps its year and month).
 */
public record PartialDate(int year, int month, int day) {

    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");
    private static final Pattern DAY_MON_YEAR = Pattern.compile("(?:(\\d{1,2}) )?([A-Za-z]{3})[a-z]* (\\d{4})");
    private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)\\b");

    public PartialDate {
        if (year < 1000 || year > 2999) {
            throw new IllegalArgumentException("year must be 1000..2999, got " + year);
        }
        if (month < 0 || month > 12) {
            month = 0;
        }
        if (day < 0 || day > 31 || month == 0) {
            day = 0;
        }
    }

    /**
     * Reads {@code YYYY}, {@code YYYY-M[M]}, {@code YYYY-M[M]-D[D]}, {@code DD Mon YYYY}, {@code Mon
     * YYYY}, or any text holding a year ("circa 1964"); empty when no year is found.
     */
    public static Optional<PartialDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Matcher iso = ISO.matcher(t);
        if (iso.matches()) {
            return Optional.of(
                    new PartialDate(Integer.parseInt(iso.group(1)), intOrZero(iso.group(2)), intOrZero(iso.group(3))));
        }
        Matcher dmy = DAY_MON_YEAR.matcher(t);
        if (dmy.find()) {
            int month = monthOf(dmy.group(2));
            if (month > 0) {
                return Optional.of(new PartialDate(Integer.parseInt(dmy.group(3)), month, intOrZero(dmy.group(1))));
            }
        }
        Matcher y = YEAR.matcher(t);
        return y.find() ? Optional.of(new PartialDate(Integer.parseInt(y.group(1)), 0, 0)) : Optional.empty();
    }

    private static int intOrZero(String s) {
        return s == null ? 0 : Integer.parseInt(s);
    }

    private static int monthOf(String abbrev) {
        for (Month m : Month.values()) {
            if (m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(abbrev)) {
                return m.getValue();
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        if (month == 0) {
            return String.format("%04d", year);
        }
        return day == 0 ? String.format("%04d-%02d", year, month) : String.format("%04d-%02d-%02d", year, month, day);
    }
}
