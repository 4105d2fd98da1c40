package dev.locus.server.verdicts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.region.Disc;
import dev.locus.geo.verdict.Verdict;
import dev.locus.server.Json;
import dev.locus.server.LocusServerException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreviousVerdictTest {
    private static final SpeedBound FIBRE = SpeedBound.ofKmPerMs(200);

    @Test
    void compactDiscs_rebuildTheSameDiscs_withTheSpeedTheyWereDrawnWith() {
        List<Disc> discs = List.of(
                Disc.of("lm-sg", GeoPosition.ofDegrees(1.35, 103.82), RoundTrip.ofNanos(400_000), FIBRE),
                Disc.of("lm-kl", GeoPosition.ofDegrees(3.14, 101.69), RoundTrip.ofNanos(3_000_000), FIBRE));
        String compact = PreviousVerdict.compact(Json.mapper(), discs, FIBRE);
        List<Disc> back = new PreviousVerdict(7, Set.of(Verdict.IN_ZONE), compact, "").discs(Json.mapper());
        assertThat(back).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(back.get(i).landmarkId()).isEqualTo(discs.get(i).landmarkId());
            assertThat(back.get(i).roundTrip()).isEqualTo(discs.get(i).roundTrip());
            assertThat(back.get(i).maxDistance().km())
                    .isEqualTo(discs.get(i).maxDistance().km());
        }
        assertThat(back.get(0).maxDistance().km())
                .as("200 km/ms for 0.2 ms one way")
                .isCloseTo(40.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void evidenceOfAVerdictStoredBeforeTheCompactColumn_givesItsBoundingDiscsAndSpeed() {
        String evidence = "{\"policy\":{\"speed_km_per_ms\":200.0},\"bounding_discs\":[{\"landmark_id\":\"lm-sg\","
                + "\"latitude_deg\":1.35,\"longitude_deg\":103.82,\"rtt_nanos\":400000,\"max_distance_km\":40.0}]}";
        String compact = PreviousVerdict.fromEvidence(Json.mapper(), 3, evidence);
        List<Disc> discs = new PreviousVerdict(3, Set.of(), compact, "").discs(Json.mapper());
        assertThat(discs).singleElement().satisfies(d -> {
            assertThat(d.landmarkId()).isEqualTo("lm-sg");
            assertThat(d.maxDistance().km()).isCloseTo(40.0, org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void unreadableEvidence_namesTheVerdict() {
        assertThatThrownBy(() -> PreviousVerdict.fromEvidence(Json.mapper(), 42, "{not json"))
                .isInstanceOf(LocusServerException.class)
                .hasMessageContaining("verdict 42");
    }
}
