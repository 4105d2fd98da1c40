package dev.locus.screening.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import dev.locus.screening.eval.EvalSet;
import dev.locus.screening.list.ListEntry;
import dev.locus.screening.list.ListLoader;
import dev.locus.screening.list.ListName;
import dev.locus.screening.list.ListVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Names in one script besides Latin go through that script's transliterator instead of ICU's
 * {@code Any-Latin}: the ASCII they give is the same as {@code Any-Latin}'s for every name on the
 * bundled lists and every query of the evaluation set, so matching does not change.
 */
class NameNormalizerScriptTest {
    private static final Transliterator ANY = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    private static final Transliterator LATIN = Transliterator.getInstance("Latin-ASCII");

    /** What {@link NameNormalizer#toAscii} gave when every name outside Latin went through {@code Any-Latin}. */
    private static String anyLatin(String raw) {
        boolean latin = raw.chars()
                .filter(ch -> ch >= 0x80 && Character.isLetter(ch))
                .allMatch(ch -> Character.UnicodeScript.of(ch) == Character.UnicodeScript.LATIN);
        String folded = raw.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u02BC', '\'');
        return raw.chars().allMatch(ch -> ch < 0x80) ? raw : (latin ? LATIN : ANY).transliterate(folded);
    }

    @Test
    void everyListNameAndQuery_givesTheSameAsciiAsAnyLatin() {
        EvalSet set = EvalSet.bundled();
        List<String> names = new ArrayList<>();
        for (ListVersion v : ListLoader.bundled()) {
            for (ListEntry e : v.entries()) {
                e.names().stream().map(ListName::value).forEach(names::add);
            }
        }
        Stream.of(set.negatives(), set.treated(), set.untreated())
                .flatMap(List::stream)
                .forEach(r -> names.add(r.query().name()));
        Map<String, String> differ = new LinkedHashMap<>();
        int nonLatin = 0;
        for (String n : names) {
            if (n.chars()
                    .anyMatch(ch -> Character.isLetter(ch)
                            && ch >= 0x80
                            && Character.UnicodeScript.of(ch) != Character.UnicodeScript.LATIN)) {
                nonLatin++;
            }
            String expected = anyLatin(n);
            String actual = NameNormalizer.toAscii(n);
            if (!expected.equals(actual)) {
                differ.put(n, expected + " | " + actual);
            }
        }
        assertThat(nonLatin).as("names in other scripts checked").isGreaterThan(1000);
        assertThat(differ).isEmpty();
    }

    @Test
    void eachScript_andMixedScripts() {
        assertThat(NameNormalizer.toAscii("北京海力联合科技有限公司")).isEqualTo(anyLatin("北京海力联合科技有限公司"));
        assertThat(NameNormalizer.toAscii("Алмаз-Антей")).isEqualTo(anyLatin("Алмаз-Антей"));
        assertThat(NameNormalizer.toAscii("محمد")).isEqualTo(anyLatin("محمد"));
        assertThat(NameNormalizer.toAscii("Ωμέγα")).isEqualTo(anyLatin("Ωμέγα"));
        assertThat(NameNormalizer.toAscii("Москва 北京")).isEqualTo(anyLatin("Москва 北京"));
        assertThat(NameNormalizer.toAscii("José")).isEqualTo("Jose");
    }
}
