package dev.locus.screening.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidityTest {
    private static final LocalDate JAN_1 = LocalDate.parse("2025-01-01");
    private static final LocalDate JUN_30 = LocalDate.parse("2025-06-30");

    @Test
    void contains_bothEnds_andNothingOutside() {
        Validity h1 = Validity.between(JAN_1, JUN_30);
        assertThat(h1.contains(JAN_1)).isTrue();
        assertThat(h1.contains(JUN_30)).isTrue();
        assertThat(h1.contains(JAN_1.minusDays(1))).isFalse();
        assertThat(h1.contains(JUN_30.plusDays(1))).isFalse();
    }

    @Test
    void anEmptyEnd_isOpen() {
        assertThat(Validity.from(JAN_1).contains(LocalDate.parse("2999-01-01"))).isTrue();
        assertThat(new Validity(Optional.empty(), Optional.of(JUN_30)).contains(LocalDate.MIN))
                .isTrue();
        assertThat(Validity.ALWAYS.contains(JAN_1)).isTrue();
    }

    @Test
    void anEndBeforeTheStart_isRefused_naming_both() {
        assertThat(Validity.ordered(Optional.of(JUN_30), Optional.of(JAN_1))).isFalse();
        assertThat(Validity.ordered(Optional.of(JAN_1), Optional.of(JAN_1))).isTrue();
        assertThatThrownBy(() -> Validity.between(JUN_30, JAN_1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-01-01")
                .hasMessageContaining("2025-06-30");
    }
}
