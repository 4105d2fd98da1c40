package dev.locus.server.api;

import java.util.regex.Pattern;

/**
 * Messages safe to show a client: no internal class, package or method names, no parser source
 * descriptions, bounded length. The last guard before any message leaves the server; messages are
 * written safe in the first place. Thread-safe.
 */
final class SafeMessages {
    private static final int MAX_CHARS = 2000;
    /** {@code [Source: ...; line: 1, column: 2]} and {@code (start marker at [...])} from a parser. */
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(start marker at )?\\[Source:[^\\]]*\\]\\)?");
    /** {@code `StreamReadConstraints.getMaxStringLength()`}, {@code `java.lang.String`}. */
    private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");
    /** A qualified Java name such as {@code com.fasterxml.jackson.core.JsonParseException}. */
    private static final Pattern QUALIFIED =
            Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Za-z_$][A-Za-z0-9_$]*(?:\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    private SafeMessages() {}

    /** {@code message} without anything internal; "" for null. */
    static String of(String message) {
        if (message == null) {
            return "";
        }
        String m = message.lines().findFirst().orElse("");
        m = SOURCE.matcher(m).replaceAll("");
        m = BACKTICKED.matcher(m).replaceAll("a value");
        m = QUALIFIED.matcher(m).replaceAll("(internal)");
        m = m.strip();
        return m.length() > MAX_CHARS ? m.substring(0, MAX_CHARS) + "..." : m;
    }
}
