package dev.locus.screening.match;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a name in any script into comparable tokens: transliteration to Latin with ICU4J (Han to
 * pinyin, Cyrillic, Arabic, Greek, ...), diacritics removed, case folded, apostrophes dropped and
 * other punctuation split, abbreviations expanded and legal forms recognised across languages.
 * Thread-safe: the ICU transliterators, which are not, are kept one per thread.
 */
public final class NameNormalizer {

    private static final ThreadLocal<Transliterator> ANY_TO_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final ThreadLocal<Transliterator> LATIN_TO_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Latin-ASCII"));
    private static final ThreadLocal<Transliterator> HAN_TO_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin; Latin-ASCII"));
    private static final ThreadLocal<Transliterator> CYRILLIC_TO_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Cyrillic-Latin; Latin-ASCII"));
    private static final ThreadLocal<Transliterator> ARABIC_TO_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Arabic-Latin; Latin-ASCII"));

    private NameNormalizer() {}

    public static NormalizedName normalize(String raw) {
        List<String> tokens = tokens(raw);
        List<String> core = new ArrayList<>();
        List<String> forms = new ArrayList<>();
        LegalForms.split(tokens, core, forms);
        return new NormalizedName(core, forms, String.join("", core));
    }

    /** Lower-case ASCII tokens of a name, abbreviations expanded, before legal forms are set apart. */
    static List<String> tokens(String raw) {
        String ascii = toAscii(raw);
        List<String> out = new ArrayList<>(6);
        StringBuilder token = new StringBuilder(16);
        for (int i = 0; i < ascii.length(); i++) {
            char ch = ascii.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                token.append((char) (ch + 32));
            } else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                token.append(ch);
            } else if (ch == '\'' || ch == '`' || ch == '.' && isInitialDot(ascii, i)) {
                // ba'asyir -> baasyir; "S.A." -> "sa" (dots between single letters join them)
            } else {
                flush(token, out);
            }
        }
        flush(token, out);
        return out;
    }

    /** A dot right after a single letter that follows a dot or the start ("S.A.", "L.L.C."). */
    private static boolean isInitialDot(String s, int i) {
        boolean singleBefore = i >= 1
                && Character.isLetter(s.charAt(i - 1))
                && (i == 1 || !Character.isLetterOrDigit(s.charAt(i - 2)));
        boolean letterAfter = i + 1 < s.length()
                && Character.isLetter(s.charAt(i + 1))
                && (i + 2 >= s.length() || !Character.isLetterOrDigit(s.charAt(i + 2)));
        return singleBefore && letterAfter;
    }

    private static void flush(StringBuilder token, List<String> out) {
        if (!token.isEmpty()) {
            out.add(LegalForms.expand(token.toString()));
            token.setLength(0);
        }
    }

    /** ASCII form of any text; pure ASCII passes through untouched. */
    static String toAscii(String raw) {
        boolean ascii = true;
        boolean latin = true;
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch >= 0x80) {
                ascii = false;
                if (Character.isLetter(ch) && Character.UnicodeScript.of(ch) != Character.UnicodeScript.LATIN) {
                    latin = false;
                    break;
                }
            }
        }
        if (ascii) {
            return raw;
        }
        String quotesFolded =
                raw.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u02BC', '\'');
        return (latin ? LATIN_TO_ASCII : ANY_TO_ASCII).get().transliterate(quotesFolded);
    }
}
