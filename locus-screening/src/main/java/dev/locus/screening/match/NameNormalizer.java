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

    /** Words transliterated already on this thread (names repeat their words: given names, surnames, firm words). */
    private static final ThreadLocal<java.util.HashMap<String, String>> WORDS =
            ThreadLocal.withInitial(() -> new java.util.HashMap<>(1024));

    private static final int WORDS_MAX = 20_000;

    /**
     * ASCII form of any text; pure ASCII passes through untouched. Text with other characters is
     * transliterated word by word (split at spaces, which no transliterator's context crosses):
     * ASCII words pass through, the others are looked up in a per-thread memo before ICU. A word
     * whose letters outside Latin are all of one script with its own transliterator (Han,
     * Cyrillic, Arabic) goes through that one directly instead of {@code Any-Latin}, which would
     * find the script's run and hand it to the same one. {@code NameNormalizerScriptTest} checks
     * that this gives what {@code Any-Latin} on the whole text gives, on every list name and query.
     */
    static String toAscii(String raw) {
        if (isAscii(raw)) {
            return raw;
        }
        String quotesFolded =
                raw.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u02BC', '\'');
        int space = quotesFolded.indexOf(' ');
        if (space < 0) {
            return word(quotesFolded);
        }
        StringBuilder out = new StringBuilder(quotesFolded.length() + 16);
        int from = 0;
        while (space >= 0) {
            out.append(word(quotesFolded.substring(from, space))).append(' ');
            from = space + 1;
            space = quotesFolded.indexOf(' ', from);
        }
        return out.append(word(quotesFolded.substring(from))).toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String word(String w) {
        if (isAscii(w)) {
            return w;
        }
        java.util.HashMap<String, String> memo = WORDS.get();
        String known = memo.get(w);
        if (known != null) {
            return known;
        }
        String ascii = transliterator(script(w)).get().transliterate(w);
        if (memo.size() >= WORDS_MAX) {
            memo.clear();
        }
        memo.put(w, ascii);
        return ascii;
    }

    /** The one script besides Latin of the word's letters; LATIN when none, UNKNOWN when several. */
    private static Character.UnicodeScript script(String w) {
        Character.UnicodeScript script = Character.UnicodeScript.LATIN;
        for (int i = 0; i < w.length(); i++) {
            char ch = w.charAt(i);
            if (ch >= 0x80 && Character.isLetter(ch)) {
                Character.UnicodeScript s = Character.UnicodeScript.of(ch);
                if (s == Character.UnicodeScript.LATIN || s == script) {
                    continue;
                }
                if (script != Character.UnicodeScript.LATIN) {
                    return Character.UnicodeScript.UNKNOWN; // two scripts besides Latin
                }
                script = s;
            }
        }
        return script;
    }

    private static ThreadLocal<Transliterator> transliterator(Character.UnicodeScript script) {
        return switch (script) {
            case LATIN -> LATIN_TO_ASCII;
            case HAN -> HAN_TO_ASCII;
            case CYRILLIC -> CYRILLIC_TO_ASCII;
            case ARABIC -> ARABIC_TO_ASCII;
            default -> ANY_TO_ASCII;
        };
    }
}
