package dev.locus.server.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Look-alike chip serials. Two serials that differ only in letter case, in the separators
 * {@code - _ . :}, or in the characters people and OCR confuse ({@code O}/{@code 0},
 * {@code I}/{@code l}/{@code 1}) name the same chip to a person reading a report, so only one of
 * them may be registered. Each chip's {@link #key} is stored under a unique index (migration V6),
 * so concurrent registrations cannot both win. Thread-safe.
 */
public final class SerialKeys {
    private SerialKeys() {}

    /**
     * The look-alike key of a serial: NFKC-normalised, {@code l} read as {@code 1}, upper case,
     * separators dropped, {@code O} read as {@code 0} and {@code I} as {@code 1}. The migration that
     * added the column computes the same key in SQL.
     */
    public static String key(String serial) {
        String s = Normalizer.normalize(serial, Normalizer.Form.NFKC)
                .replace('l', '1')
                .toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '-', '_', '.', ':' -> {}
                case 'O' -> sb.append('0');
                case 'I' -> sb.append('1');
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /**
     * Reports rows whose serial looks like an earlier row's or a registered chip's (an identical
     * serial is left to the duplicate check), naming the serial it looks like.
     */
    static void checkLookAlikes(Connection c, List<RecordType.Parsed<Chip>> rows) throws SQLException {
        Map<String, RecordType.Parsed<Chip>> byKey = new HashMap<>();
        for (RecordType.Parsed<Chip> p : rows) {
            String serial = p.value().serial();
            RecordType.Parsed<Chip> earlier = byKey.putIfAbsent(key(serial), p);
            if (earlier != null && !earlier.value().serial().equals(serial)) {
                p.reader()
                        .problem(
                                "serial",
                                "looks like the serial '" + earlier.value().serial() + "' of line "
                                        + earlier.reader().line() + explain());
            }
        }
        Map<String, String> registered = Lookups.attribute(c, "chips", "serial_key", "serial", byKey.keySet());
        for (RecordType.Parsed<Chip> p : rows) {
            String existing = registered.get(key(p.value().serial()));
            if (existing != null && !existing.equals(p.value().serial())) {
                p.reader().problem("serial", "looks like the registered serial '" + existing + "'" + explain());
            }
        }
    }

    private static String explain() {
        return " (serials may not differ only in case, in the separators - _ . :, or in O/0 and I/l/1)";
    }
}
