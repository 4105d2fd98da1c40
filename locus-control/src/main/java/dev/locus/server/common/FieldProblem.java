package dev.locus.server.common;

/**
 * One bad field of one input row, e.g. {@code line 42, field latitude_deg, value "91": must be a
 * number in [-90, 90]}.
 *
 * @param line 1-based line (CSV) or record number (JSON array); 0 for a single API request
 * @param field the field name as written in the input
 * @param value the offending value as given (truncated to 100 characters), empty when missing
 * @param message what was allowed
 */
public record FieldProblem(int line, String field, String value, String message) {
    public FieldProblem {
        if (value.length() > 100) {
            value = value.substring(0, 100) + "...";
        }
    }

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ": " : "") + field + " " + message + ", got '" + value + "'";
    }
}
