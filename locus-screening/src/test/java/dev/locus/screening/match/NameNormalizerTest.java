package dev.locus.screening.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameNormalizerTest {

    private static String core(String name) {
        return String.join(" ", NameNormalizer.normalize(name).tokens());
    }

    private static String forms(String name) {
        return String.join(" ", NameNormalizer.normalize(name).legalForms());
    }

    @Test
    void legalForms_acrossLanguagesAreOneForm() {
        assertThat(forms("Foo Co., Ltd.")).isEqualTo("co-ltd");
        assertThat(forms("FOO COMPANY LIMITED")).isEqualTo("co-ltd");
        assertThat(forms("Foo Youxian Gongsi")).isEqualTo("co-ltd");
        assertThat(forms("Foo有限公司")).isEqualTo("co-ltd");
        assertThat(forms("Foo Pte. Ltd."))
                .isEqualTo(forms("Foo Private Limited"))
                .isEqualTo("pte-ltd");
        assertThat(forms("Foo Sdn. Bhd."))
                .isEqualTo(forms("Foo Sendirian Berhad"))
                .isEqualTo("sdn-bhd");
        assertThat(forms("Foo GmbH")).isEqualTo("gmbh");
        assertThat(forms("JSC Foo"))
                .isEqualTo(forms("Joint-Stock Company Foo"))
                .isEqualTo(forms("OAO Foo"))
                .isEqualTo("jsc");
        assertThat(forms("Foo S.A. de C.V.")).isEqualTo("sa");
        assertThat(core("Foo Co., Ltd.")).isEqualTo(core("FOO YOUXIAN GONGSI")).isEqualTo("foo");
    }

    @Test
    void listAbbreviations_expand() {
        assertThat(core("KOREA SAMMA SHPG CO")).isEqualTo("korea samma shipping");
        assertThat(core("Acme Intl Trdg")).isEqualTo("acme international trading");
    }

    @Test
    void caseDiacriticsAndPunctuation_fold() {
        assertThat(core("José  MARÍA-Ñúñez")).isEqualTo("jose maria nunez");
        assertThat(core("ABDUL ROSYID RIDHO BA'ASYIR")).isEqualTo("abdul rosyid ridho baasyir");
        assertThat(core("‘ABD AL-RAHMAN")).isEqualTo("abd al rahman");
    }

    @Test
    void otherScripts_transliterateToLatin() {
        assertThat(core("北京海力联合科技有限公司")).isEqualTo("bei jing hai li lian he ke ji");
        assertThat(core("Алмаз-Антей")).isEqualTo("almaz antej");
        assertThat(core("حسین موسوی")).isNotBlank().matches("[a-z ]+");
    }

    @Test
    void aNameOfOnlyALegalForm_keepsItsTokens() {
        assertThat(core("Company Limited")).isEqualTo(core("CO., LTD.")).isEqualTo("co-ltd");
    }
}
