package dev.locus.server.verdicts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.locus.geo.position.GeoPosition;
import org.junit.jupiter.api.Test;

class PlainFindingsTest {
    static final PlainFindings.SiteRef SINGAPORE =
            new PlainFindings.SiteRef("Singapore DC", GeoPosition.ofDegrees(1.29, 103.85), 100);

    static JsonNode evidence(String discs, int measurements) throws Exception {
        StringBuilder ms = new StringBuilder();
        for (int i = 0; i < measurements; i++) {
            ms.append(i == 0 ? "" : ",").append("{}");
        }
        return new ObjectMapper()
                .readTree("{\"measurements\":[" + ms + "],\"bounding_discs\":[" + discs
                        + "],\"max_distance_from_site_km\":44.2,\"policy\":{\"restricted\":[\"CN\",\"HK\"]}}");
    }

    static String disc(String id, double lat, double lon, long rttNanos, double km) {
        return "{\"landmark_id\":\"" + id + "\",\"latitude_deg\":" + lat + ",\"longitude_deg\":" + lon
                + ",\"rtt_nanos\":" + rttNanos + ",\"max_distance_km\":" + km + "}";
    }

    @Test
    void outsideZone_saysWhichLandmarkProvesIt_withTheRoundTripInMs_andBoundsRoundedToStayTrue() throws Exception {
        PlainFindings.Finding f = PlainFindings.of(
                "H100-KL-0201",
                "OUTSIDE_ZONE",
                evidence(
                        disc("lm-sg", 1.35, 103.82, 40_000_000, 5995.8) + ","
                                + disc("lm-hk", 22.32, 114.17, 769_582, 115.36),
                        2),
                SINGAPORE,
                id -> id.equals("lm-hk") ? "the Hong Kong landmark" : id);
        assertThat(f.title()).isEqualTo("Chip H100-KL-0201 is outside its licensed zone");
        // 2,580.x km from the site minus 115.36 km: at least 2,464 km, printed down to 2,460
        assertThat(f.conclusion())
                .startsWith("Chip H100-KL-0201 is not at its licensed site Singapore DC: it answered the Hong Kong"
                        + " landmark in 0.77 ms, so it is within 116 km of the Hong Kong landmark, at least 2,460 km"
                        + " from its licensed site Singapore DC.");
        assertThat(f.landmarks()).hasSize(2);
        assertThat(f.landmarks().get(1))
                .isEqualTo("it answered lm-sg in 40.0 ms, so it is within 6,000 km of lm-sg, a distance that includes"
                        + " its licensed site Singapore DC.");
    }

    @Test
    void inZone_countsLandmarksInSingularAndPlural() throws Exception {
        PlainFindings.Finding one = PlainFindings.of(
                "A",
                "EXCLUDES_RESTRICTED,IN_ZONE",
                evidence(disc("lm-sg", 1.35, 103.82, 300_000, 44.97), 1),
                SINGAPORE,
                id -> id);
        assertThat(one.title()).isEqualTo("Chip A is at its licensed site");
        assertThat(one.conclusion())
                .isEqualTo("Chip A is inside its licensed zone (100 km around Singapore DC): it answered 1 landmark"
                        + " fast enough that every place it can be lies within 45 km of Singapore DC.");
        PlainFindings.Finding two = PlainFindings.of(
                "A", "INCONCLUSIVE", evidence(disc("lm-sg", 1.35, 103.82, 300_000, 44.97), 2), SINGAPORE, id -> id);
        assertThat(two.conclusion()).contains("it answered 2 landmarks,");
    }

    @Test
    void neverAssessed_and_inconsistent_sayWhatThatMeans() throws Exception {
        assertThat(PlainFindings.of("A", "", MissingNode.getInstance(), SINGAPORE, id -> id)
                        .title())
                .isEqualTo("Chip A has not been located yet");
        assertThat(PlainFindings.of("A", "INCONSISTENT", evidence("", 3), SINGAPORE, id -> id)
                        .conclusion())
                .contains("fit no single place")
                .contains("3 landmarks")
                .contains("copied key");
    }

    @Test
    void landmarks_areNamedOnce_withTheirId() {
        assertThat(PlainFindings.landmarkLabel("lm-hk", java.util.Optional.of("Hong Kong")))
                .isEqualTo("the Hong Kong landmark (lm-hk)");
        assertThat(PlainFindings.landmarkLabel("lm-sin", java.util.Optional.of("SIN landmark")))
                .isEqualTo("the SIN landmark (lm-sin)");
        assertThat(PlainFindings.landmarkLabel("lm-x", java.util.Optional.of("lm-x")))
                .isEqualTo("landmark lm-x");
        assertThat(PlainFindings.landmarkLabel("lm-x", java.util.Optional.empty()))
                .isEqualTo("landmark lm-x");
    }

    @Test
    void numbers_useOneDecimalUnderTen_groupThousands_andRoundBoundsOutwards() {
        assertThat(PlainFindings.ms(769_582)).isEqualTo("0.77 ms");
        assertThat(PlainFindings.ms(12_345_678)).isEqualTo("12.3 ms");
        assertThat(PlainFindings.ms(153_400_000)).isEqualTo("153 ms");
        assertThat(PlainFindings.kmUp(8.41)).isEqualTo("8.5 km");
        assertThat(PlainFindings.kmDown(8.49)).isEqualTo("8.4 km");
        assertThat(PlainFindings.kmUp(115.01)).isEqualTo("116 km");
        assertThat(PlainFindings.kmDown(2_464.9)).isEqualTo("2,460 km");
        assertThat(PlainFindings.kmUp(2_461)).isEqualTo("2,470 km");
        assertThat(PlainFindings.count(1, "alert")).isEqualTo("1 alert");
        assertThat(PlainFindings.count(43_200, "verdict")).isEqualTo("43,200 verdicts");
    }
}
