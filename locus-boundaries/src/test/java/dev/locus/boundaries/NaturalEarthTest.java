package dev.locus.boundaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.geo.GeoException;
import dev.locus.geo.jurisdiction.Jurisdiction;
import dev.locus.geo.jurisdiction.Jurisdictions;
import dev.locus.geo.position.GeoPosition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NaturalEarthTest {

    private static Jurisdictions world() {
        return NaturalEarth.bundled();
    }

    @Test
    void bundledBoundaries_knowTheRestrictedJurisdictionsSeparately() {
        assertThat(world().codes()).contains("CN", "HK", "MO", "TW", "SG", "MY", "US", "FR", "NO", "XK");
        assertThat(world().codes()).hasSizeGreaterThan(230);
    }

    @Test
    void citiesLieInTheirOwnCountry() {
        assertThat(world().get("CN").contains(GeoPosition.ofDegrees(39.9042, 116.4074)))
                .isTrue(); // Beijing
        assertThat(world().get("CN").contains(GeoPosition.ofDegrees(22.6500, 114.0300)))
                .isTrue(); // Shenzhen
        assertThat(world().get("HK").contains(GeoPosition.ofDegrees(22.2783, 114.1747)))
                .isTrue(); // Hong Kong
        assertThat(world().get("CN").contains(GeoPosition.ofDegrees(22.2783, 114.1747)))
                .isFalse();
        assertThat(world().get("MO").contains(GeoPosition.ofDegrees(22.2200, 113.5100)))
                .isTrue(); // Macau
        assertThat(world().get("SG").contains(GeoPosition.ofDegrees(1.3521, 103.8198)))
                .isTrue(); // Singapore
        assertThat(world().get("TW").contains(GeoPosition.ofDegrees(25.0330, 121.5654)))
                .isTrue(); // Taipei
        assertThat(world().get("CN").contains(GeoPosition.ofDegrees(25.0330, 121.5654)))
                .isFalse();
    }

    @Test
    void islandsOfAMultiPolygonCountryBelongToIt() {
        assertThat(world().get("CN").contains(GeoPosition.ofDegrees(20.0444, 110.1999)))
                .isTrue(); // Haikou, Hainan
        assertThat(world().get("JP").contains(GeoPosition.ofDegrees(26.2124, 127.6809)))
                .isTrue(); // Naha, Okinawa
        assertThat(world().get("ID").contains(GeoPosition.ofDegrees(-8.6500, 115.2167)))
                .isTrue(); // Denpasar, Bali
    }

    @Test
    void lookupByPosition_findsTheCountryOrNoneAtSea() {
        assertThat(world().at(GeoPosition.ofDegrees(48.8566, 2.3522)).map(Jurisdiction::code))
                .contains("FR");
        assertThat(world().at(GeoPosition.ofDegrees(-17.7134, 178.0650)).map(Jurisdiction::code))
                .contains("FJ");
        assertThat(world().at(GeoPosition.ofDegrees(0, -140))).isEmpty(); // Pacific
    }

    @Test
    void antarcticaSpansAllLongitudes() {
        assertThat(world().get("AQ").contains(GeoPosition.ofDegrees(-89.9, 0))).isTrue();
        assertThat(world().get("AQ").contains(GeoPosition.ofDegrees(-75, 120))).isTrue();
        assertThat(world().get("AQ").contains(GeoPosition.ofDegrees(-50, 0))).isFalse();
    }

    @Test
    void badDocuments_nameTheFeatureAndField() {
        assertThatThrownBy(() -> read("{\"type\":\"Feature\"}"))
                .isInstanceOf(GeoException.class)
                .hasMessageContaining("FeatureCollection");
        assertThatThrownBy(() ->
                        read("{\"type\":\"FeatureCollection\",\"features\":[{\"properties\":{\"iso_a2\":\"XYZ\"}}]}"))
                .hasMessageContaining("feature 0")
                .hasMessageContaining("iso_a2");
        assertThatThrownBy(
                        () -> read(
                                "{\"type\":\"FeatureCollection\",\"features\":[{\"properties\":{\"iso_a2\":\"AA\"},"
                                        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,95],[0,0]]]}}]}"))
                .hasMessageContaining("feature 0 (AA) geometry.coordinates[0][2]")
                .hasMessageContaining("latitude");
        assertThatThrownBy(() -> read("not json")).hasMessageContaining("not valid JSON");
    }

    private static Jurisdictions read(String json) throws Exception {
        return NaturalEarth.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.geojson");
    }
}
