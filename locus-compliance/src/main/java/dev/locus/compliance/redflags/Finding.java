package dev.locus.compliance.redflags;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One red flag raised by one rule about one subject.
 *
 * @param rule the rule's id ({@link RedFlagRule#id()})
 * @param key what distinguishes this finding from others of the same rule and subject (an order
 *     or allocation id; the subject's id when there is one finding per subject)
 * @param evidence the facts that made the rule fire, in the order a reader needs them; JSON-able
 *     values (strings, numbers, booleans, lists, maps)
 */
public record Finding(
        String rule,
        Source source,
        Subject subject,
        String key,
        Severity severity,
        String summary,
        Map<String, Object> evidence) {
    public Finding {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }
}
