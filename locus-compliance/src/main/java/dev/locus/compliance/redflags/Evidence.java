package dev.locus.compliance.redflags;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a finding's evidence map in the order the facts are put. */
final class Evidence {
    private final Map<String, Object> facts = new LinkedHashMap<>();

    static Evidence of(String key, Object value) {
        return new Evidence().and(key, value);
    }

    Evidence and(String key, Object value) {
        facts.put(key, value);
        return this;
    }

    Map<String, Object> map() {
        return facts;
    }
}
