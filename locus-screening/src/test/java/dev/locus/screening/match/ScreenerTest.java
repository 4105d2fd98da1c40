package dev.locus.screening.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.screening.list.ListLoader;
import dev.locus.screening.list.PartialDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScreenerTest {
    static final Screener ALL = Screener.of(ListLoader.bundled());

    private static Optional<ScreeningMatch> hit(String name, String source, String entryId) {
        return ALL.screen(Query.ofName(name)).stream()
                .filter(m ->
                        m.entry().source().equals(source) && m.entry().entryId().equals(entryId))
                .findFirst();
    }

    @Test
    void georgeBush_isNotAMatchForHabbashGeorge() {
        assertThat(hit("George Bush", "OFAC-SDN", "2680")).isEmpty();
        assertThat(hit("George Habbash", "OFAC-SDN", "2680"))
                .get()
                .extracting(ScreeningMatch::decision)
                .isEqualTo(Decision.MATCH);
    }

    @Test
    void belletechCorp_isNotAMatchFor11420Corp() {
        assertThat(hit("BELLETECH CORP", "OFAC-SDN", "24430")).isEmpty();
        assertThat(ALL.screen(Query.ofName("BELLETECH CORP")))
                .allSatisfy(m -> assertThat(m.decision()).isNotEqualTo(Decision.MATCH));
    }

    @Test
    void jscConcernAlmazAntey_findsJointStockCompanyConcernAlmazAntey() {
        ScreeningMatch m = hit("JSC Concern Almaz Antey", "OFAC-SDN", "16865").orElseThrow();
        assertThat(m.decision()).isEqualTo(Decision.MATCH);
        assertThat(m.matchedName()).isEqualTo("JOINT-STOCK COMPANY CONCERN ALMAZ-ANTEY");
        assertThat(m.explanation()).extracting(Feature::feature).contains("name", "legal_form");
    }

    @ParameterizedTest(name = "{0} finds SDN {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "BEIJING ALITE TECHNOLOGIES CO., LTD.|9750",
                "Beijing Alite Technologies Company Limited|9750",
                "Beijing Alite Technology Co Ltd|9750",
                "Alite Technologies (Beijing) Co., Ltd.|9750",
                "BEIJING ALITE TECH CO LTD|9750",
                "Beijing Haili Lianhe Keji Youxian Gongsi|9750",
                "Beijing Haili Lianhe Keji Co., Ltd.|9750",
                "BEIJING HAILI LIANHE KEJI YOUXIANGONGSI|9750",
                "北京海力联合科技有限公司|9750",
                "Dalian Global Unity Shipping Company Limited|22624",
                "DALIAN GLOBAL UNITY SHPG CO LTD|22624",
                "Dalian Global Unity Shipping Co., Ltd|22624",
                "Dalian Zhongchuang Char White Company Limited|16847",
                "DALIAN ZHONGCHUANG CHAR-WHITE YOUXIAN GONGSI|16847",
                "Anhui Land Group Company Ltd.|19249",
                "Anhui Land Grp Co Ltd|19249",
                "Korean Polish Shipping Company Limited|19580",
                "Leader (Hong Kong) International Trading Co., Limited|15616",
                "Leader Hong Kong Intl Trdg Ltd|15616"
            })
    void chineseCompanyVariants_findTheListedCompany(String variant, String entNum) {
        ScreeningMatch m =
                hit(variant, "OFAC-SDN", entNum).orElseThrow(() -> new AssertionError(variant + " found nothing"));
        assertThat(m.decision())
                .as(variant + " " + m.score() + " " + m.explanation())
                .isEqualTo(Decision.MATCH);
    }

    @Test
    void cyrillic_findsTheRomanisedEntry() {
        assertThat(hit("Концерн Алмаз-Антей", "OFAC-SDN", "16865")).isPresent();
    }

    @Test
    void arabicOriginalScript_findsTheUnEntry() {
        Screener un = Screener.of(List.of(ListLoader.bundledUn()));
        var entry = ListLoader.bundledUn().entries().stream()
                .filter(e -> e.names().stream()
                        .anyMatch(n -> n.kind() == dev.locus.screening.list.NameKind.ORIGINAL_SCRIPT
                                && n.value()
                                        .chars()
                                        .anyMatch(
                                                c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)))
                .findFirst()
                .orElseThrow();
        String arabic = entry.names().stream()
                .filter(n -> n.kind() == dev.locus.screening.list.NameKind.ORIGINAL_SCRIPT)
                .findFirst()
                .orElseThrow()
                .value();
        assertThat(un.screen(Query.ofName(arabic)))
                .extracting(m -> m.entry().entryId())
                .contains(entry.entryId());
    }

    @Test
    void aDisagreeingDateOfBirthAndCountry_lowerButDoNotDiscard() {
        Screener un = Screener.of(List.of(ListLoader.bundledUn()));
        ScreeningMatch plain = un.screen(Query.ofName("ERIC BADEGE")).getFirst();
        ScreeningMatch wrong = un.screen(
                        new Query("ERIC BADEGE", Optional.of("SE"), PartialDate.parse("1990"), List.of(), List.of()))
                .getFirst();
        assertThat(wrong.entry().entryId()).isEqualTo("CDi.001");
        assertThat(wrong.score()).isLessThan(plain.score()).isGreaterThanOrEqualTo(plain.score() - 0.1);
        assertThat(wrong.explanation()).extracting(Feature::feature).contains("date_of_birth", "country");
    }

    @Test
    void aRegistrationNumber_raisesTheScoreAndIsExplained() {
        ScreeningMatch m = ALL.screen(Query.ofName("Yazid Sufaat").withIdentifiers(List.of("A10472263"))).stream()
                .filter(x -> x.entry().entryId().equals("7936"))
                .findFirst()
                .orElseThrow();
        assertThat(m.explanation()).extracting(Feature::feature).contains("registration_number");
    }

    @Test
    void namesThatMatchNothing_giveNoCandidates() {
        assertThat(ALL.screen(Query.ofName("Ingeborg Abrahamsen"))).isEmpty();
        assertThat(ALL.screen(Query.ofName("Kathryn Barr"))).isEmpty();
    }

    @Test
    void reorderedTypoedAndRespacedNames_stillMatch() {
        Screener un = Screener.of(List.of(ListLoader.bundledUn()));
        assertThat(un.screen(Query.ofName("SALEK, ABDUL HAI"))
                        .getFirst()
                        .entry()
                        .entryId())
                .isEqualTo("TAi.108");
        assertThat(un.screen(Query.ofName("SHIHATA THARWAT SALAH")).getFirst().decision())
                .isEqualTo(Decision.MATCH);
    }
}
