package dev.locus.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.dashboard.ChipStatus.OpenAlert;
import dev.locus.server.verdicts.Headline;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChipStatusTest {
    private static final Set<OpenAlert> NONE = EnumSet.noneOf(OpenAlert.class);

    @Test
    void aProvenProblemWinsOverEverything() {
        assertThat(ChipStatus.of(Headline.OUTSIDE_ZONE, true, EnumSet.allOf(OpenAlert.class)))
                .isEqualTo(ChipStatus.IN_RESTRICTED);
        assertThat(ChipStatus.of(Headline.OUTSIDE_ZONE, true, EnumSet.of(OpenAlert.SILENT, OpenAlert.UNVERIFIED)))
                .isEqualTo(ChipStatus.OUTSIDE_ZONE);
        // an unresolved OUTSIDE_ZONE alert keeps the chip outside even when a newer verdict is in zone
        assertThat(ChipStatus.of(Headline.IN_ZONE, false, EnumSet.of(OpenAlert.OUTSIDE_ZONE)))
                .isEqualTo(ChipStatus.OUTSIDE_ZONE);
    }

    @Test
    void silenceAndStalenessWinOverAnOldInZone() {
        assertThat(ChipStatus.of(Headline.IN_ZONE, true, EnumSet.of(OpenAlert.SILENT, OpenAlert.UNVERIFIED)))
                .isEqualTo(ChipStatus.SILENT);
        assertThat(ChipStatus.of(Headline.IN_ZONE, false, EnumSet.of(OpenAlert.UNVERIFIED)))
                .isEqualTo(ChipStatus.UNVERIFIED);
        assertThat(ChipStatus.of(Headline.IN_ZONE, true, NONE)).isEqualTo(ChipStatus.STALE);
        assertThat(ChipStatus.of(Headline.IN_ZONE, false, NONE)).isEqualTo(ChipStatus.IN_ZONE);
        assertThat(ChipStatus.of(Headline.NO_VERDICT, true, NONE)).isEqualTo(ChipStatus.NO_VERDICT);
    }

    @Test
    void aCopiedIdentityIsNamed_notLeftInconsistent() {
        assertThat(ChipStatus.of(Headline.INCONSISTENT, false, EnumSet.of(OpenAlert.CLONED_IDENTITY)))
                .isEqualTo(ChipStatus.CLONED);
        assertThat(ChipStatus.of(Headline.INCONSISTENT, false, NONE)).isEqualTo(ChipStatus.INCONSISTENT);
    }

    @Test
    void openAlertBits_roundTrip_andAttentionStopsAtNoVerdict() {
        int bits = 0;
        for (OpenAlert a : OpenAlert.values()) {
            bits |= a.bit;
            assertThat(OpenAlert.of(a.bit)).containsExactly(a);
        }
        assertThat(OpenAlert.of(bits)).containsExactlyInAnyOrder(OpenAlert.values());
        assertThat(ChipStatus.INCONCLUSIVE.needsAttention()).isTrue();
        assertThat(ChipStatus.NO_VERDICT.needsAttention()).isFalse();
        assertThat(ChipStatus.IN_ZONE.needsAttention()).isFalse();
    }
}
