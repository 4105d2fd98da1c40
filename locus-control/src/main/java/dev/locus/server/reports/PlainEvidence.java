package dev.locus.server.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evidence (a JSON object as rules and verdicts store it) as lines a reader understands: one
 * "Key: value" line per field, keys in words ("rtt_nanos" → "Round trip"), values with their unit
 * ("0.770 ms", "2,460 km", "0.25 MW"), times as "2026-12-06 01:02:03 UTC", lists joined by commas,
 * nested objects as "Parent – child: value" lines. No braces, no quotes. Long lists are cut to
 * {@value #MAX_ITEMS} items and say how many more there were. Stateless.
 */
public final class PlainEvidence {
    static final int MAX_ITEMS = 12;

    /** Suffix → unit, longest first; the suffix is dropped from the key and the unit follows the value. */
    private static final List<Map.Entry<String, String>> UNITS =
            pairs("_km_per_ms= km/ms|_km2= km²|_km= km|_mw= MW" + "|_kw= kW|_usd= USD|_percent= %|_deg=°|_ms= ms");

    /** Words of keys as a reader writes them. */
    private static final Map<String, String> WORDS =
            pairs("id=ID|rtt=round trip|iso=ISO|mw=MW|kw=kW|iaas=IaaS|std=standard|dev=deviation").stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    /** "a=b|c=d" as the entries a → b, c → d, in order. */
    private static List<Map.Entry<String, String>> pairs(String spec) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String pair : spec.split("\\|")) {
            int eq = pair.indexOf('=');
            out.add(Map.entry(pair.substring(0, eq), pair.substring(eq + 1)));
        }
        return List.copyOf(out);
    }

    private PlainEvidence() {}

    /** The evidence as lines joined by '\n'; "none" for an empty or missing object. */
    public static String of(JsonNode evidence) {
        List<String> lines = new ArrayList<>();
        if (evidence != null && evidence.isObject()) {
            fields(evidence, "", lines);
        } else if (evidence != null && !evidence.isMissingNode() && !evidence.isNull()) {
            lines.add(scalarOrList("", evidence));
        }
        return lines.isEmpty() ? "none" : String.join("\n", lines);
    }

    private static void fields(JsonNode object, String prefix, List<String> lines) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            JsonNode v = f.getValue();
            String label = prefix + label(key);
            if (v.isObject() && isTally(v)) {
                lines.add(label + ": " + tally(v));
            } else if (v.isObject()) {
                fields(v, label + " – ", lines);
            } else if (v.isArray() && containsObjects(v)) {
                int i = 0;
                for (JsonNode item : v) {
                    if (++i > MAX_ITEMS) {
                        lines.add(label + ": … and " + (v.size() - MAX_ITEMS) + " more");
                        break;
                    }
                    if (item.isObject()) {
                        fields(item, label + " " + i + " – ", lines);
                    } else {
                        lines.add(label + " " + i + ": " + scalarOrList(key, item));
                    }
                }
            } else {
                lines.add(label + ": " + scalarOrList(key, v));
            }
        }
    }

    /** "rtt_min_nanos" → "Round trip min", "speed_km_per_ms" → "Speed". */
    static String label(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.endsWith("_nanos")) {
            k = k.substring(0, k.length() - "_nanos".length());
        } else {
            for (Map.Entry<String, String> u : UNITS) {
                if (k.endsWith(u.getKey()) && k.length() > u.getKey().length()) {
                    k = k.substring(0, k.length() - u.getKey().length());
                    break;
                }
            }
        }
        if (!k.contains("_") && !k.equals(k.toLowerCase(Locale.ROOT))) {
            return key;
        }
        StringBuilder sb = new StringBuilder();
        for (String w : k.split("_")) {
            if (w.isEmpty()) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(WORDS.getOrDefault(w, w));
        }
        String s = sb.toString();
        return s.isEmpty() ? key : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String scalarOrList(String key, JsonNode v) {
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode item : v) {
                if (parts.size() == MAX_ITEMS) {
                    parts.add("… and " + (v.size() - MAX_ITEMS) + " more");
                    break;
                }
                parts.add(scalarOrList(key, item));
            }
            return parts.isEmpty() ? "none" : String.join(", ", parts);
        }
        if (v.isObject()) {
            return tally(v);
        }
        if (v.isNull()) {
            return "none";
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "yes" : "no";
        }
        String k = key.toLowerCase(Locale.ROOT);
        if (v.isNumber()) {
            return number(k, v);
        }
        return text(k, v.asText());
    }

    private static String number(String key, JsonNode v) {
        if (key.endsWith("_nanos")) {
            if (key.endsWith("_at_nanos") || v.asLong() > 1_000_000_000_000_000L) {
                return time(Instant.ofEpochSecond(0, v.asLong()));
            }
            return String.format(Locale.ROOT, "%.3f ms", v.asLong() / 1e6);
        }
        if ((key.endsWith("_at") || key.endsWith("_millis")) && v.canConvertToLong() && v.asLong() > 100_000_000_000L) {
            return time(Instant.ofEpochMilli(v.asLong()));
        }
        String unit = "";
        for (Map.Entry<String, String> u : UNITS) {
            if (key.endsWith(u.getKey())) {
                unit = u.getValue();
                break;
            }
        }
        boolean plain = key.contains("year") || key.endsWith("id") || key.endsWith("seq");
        if (v.isIntegralNumber()) {
            return (plain ? Long.toString(v.asLong()) : String.format(Locale.ROOT, "%,d", v.asLong())) + unit;
        }
        double d = v.asDouble();
        String s = Math.abs(d) >= 100
                ? String.format(Locale.ROOT, "%,.1f", d)
                : Math.abs(d) >= 1 ? String.format(Locale.ROOT, "%.2f", d) : String.format(Locale.ROOT, "%.3f", d);
        return s + unit;
    }

    private static String text(String key, String s) {
        if ((key.endsWith("_at") || key.endsWith("_start") || key.endsWith("_end")) && s.contains("T")) {
            try {
                return time(Instant.parse(s));
            } catch (DateTimeParseException e) {
                return s;
            }
        }
        return s;
    }

    /** A time as reports write it in text: "2026-12-06 01:02:03 UTC". */
    static String time(Instant t) {
        return ReportDocument.iso(t).replace('T', ' ').replace("Z", " UTC");
    }

    /** An object of short keys and scalar values, e.g. chips by country {"SG": 10, "MY": 1990}. */
    private static boolean isTally(JsonNode o) {
        if (o.isEmpty()) {
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().contains("_") || !f.getValue().isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private static String tally(JsonNode o) {
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (parts.size() == MAX_ITEMS) {
                parts.add("… and " + (o.size() - MAX_ITEMS) + " more");
                break;
            }
            parts.add(f.getKey() + " " + scalarOrList("", f.getValue()));
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static boolean containsObjects(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return true;
            }
        }
        return false;
    }
}
