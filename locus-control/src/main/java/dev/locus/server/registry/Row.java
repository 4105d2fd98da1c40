package dev.locus.server.registry;

import java.util.Map;

/**
 * One input record before validation.
 *
 * @param line 1-based line (CSV) or index (JSON array) for messages; 0 for a single API request
 * @param fields field name to raw text
 */
public record Row(int line, Map<String, String> fields) {
    public Row {
        fields = Map.copyOf(fields);
    }
}
