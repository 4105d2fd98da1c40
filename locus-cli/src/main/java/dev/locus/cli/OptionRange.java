package dev.locus.cli;

/** The check of a number given on the command line against its range, with one message for all. */
final class OptionRange {
    private OptionRange() {}

    /**
     * Checks that {@code value} is in [{@code min}, {@code max}].
     *
     * @param name what the message calls the value, e.g. {@code --threads}
     * @throws IllegalArgumentException {@code NAME must be in [MIN, MAX], got VALUE} when it is not
     */
    static void require(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw outside(name, min, max, Long.toString(value));
        }
    }

    /** As {@link #require(String, long, long, long)}, for a decimal value (NaN is outside). */
    static void require(String name, double value, long min, long max) {
        if (!(value >= min && value <= max)) {
            throw outside(name, min, max, Double.toString(value));
        }
    }

    private static IllegalArgumentException outside(String name, long min, long max, String value) {
        return new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
    }
}
