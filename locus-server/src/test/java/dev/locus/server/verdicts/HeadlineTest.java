package dev.locus.server.verdicts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadlineTest {
    @Test
    void neverAssessed_isNoVerdict() {
        assertThat(Headline.of(null)).isEqualTo(Headline.NO_VERDICT);
    }

    @Test
    void provenProblem_winsOverAnyProof() {
        assertThat(Headline.of("EXCLUDES_RESTRICTED,OUTSIDE_ZONE")).isEqualTo(Headline.OUTSIDE_ZONE);
        assertThat(Headline.of("IN_RESTRICTED,OUTSIDE_ZONE")).isEqualTo(Headline.IN_RESTRICTED);
        assertThat(Headline.of("INCONSISTENT")).isEqualTo(Headline.INCONSISTENT);
    }

    @Test
    void strongestProof_isShownWhenNothingIsWrong() {
        assertThat(Headline.of("EXCLUDES_RESTRICTED,IN_ZONE")).isEqualTo(Headline.IN_ZONE);
        assertThat(Headline.of("EXCLUDES_RESTRICTED,INCONCLUSIVE")).isEqualTo(Headline.EXCLUDES_RESTRICTED);
    }

    @Test
    void emptyOrUnknownSet_provesNothing() {
        assertThat(Headline.of("")).isEqualTo(Headline.INCONCLUSIVE);
        assertThat(Headline.of("SOMETHING_NEW")).isEqualTo(Headline.INCONCLUSIVE);
        assertThat(Headline.of("NO_VERDICT")).isEqualTo(Headline.INCONCLUSIVE);
    }
}
