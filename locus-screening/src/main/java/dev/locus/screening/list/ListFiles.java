package dev.locus.screening.list;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers shared by the list readers. */
final class ListFiles {
    private static final Pattern DATE_IN_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

    private ListFiles() {}

    /** SHA-256 over the files' bytes, in the order given, hex. */
    static String sha256(byte[]... files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] f : files) {
                sha.update(f);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** A {@code YYYY-MM-DD} in a file or folder name, as vendors name dated copies. */
    static Optional<LocalDate> dateInName(String name) {
        Matcher m = DATE_IN_NAME.matcher(name);
        return m.find() ? Optional.of(LocalDate.parse(m.group(1))) : Optional.empty();
    }

    static String text(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** The lists write "-0-" (SDN) or nothing for an empty field. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        String v = value.trim();
        return v.equals("-0-") ? "" : v;
    }
}
