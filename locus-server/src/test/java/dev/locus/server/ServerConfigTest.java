package dev.locus.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    private static final Path DIR = Path.of("locus-data");

    @Test
    void defaults_restrictChinaHongKongAndMacau_andLogTheAuditHeadHourly() {
        ServerConfig c = ServerConfig.defaults(DIR);
        assertThat(c.restrictedJurisdictions()).containsExactly("CN", "HK", "MO");
        assertThat(c.auditHeadLogInterval()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void restrictedCodes_areNormalisedSortedAndDeduplicated_andSurviveToBuilder() {
        ServerConfig c = ServerConfig.defaults(DIR).withRestrictedJurisdictions(List.of(" ru", "KP", "IR", "KP"));
        assertThat(c.restrictedJurisdictions()).containsExactly("IR", "KP", "RU");
        assertThat(c.withPort(9000).restrictedJurisdictions()).containsExactly("IR", "KP", "RU");
    }

    @Test
    void restrictedCodes_withoutABundledBoundary_areRejectedNamingEachOne() {
        assertThatThrownBy(() -> ServerConfig.defaults(DIR).withRestrictedJurisdictions(List.of("CN", "XX", "China")))
                .isInstanceOf(LocusServerException.class)
                .hasMessageContaining("ISO 3166-1 alpha-2")
                .hasMessageContaining("'XX', 'China'")
                .hasMessageNotContaining("'CN'");
    }

    @Test
    void emptyRestrictedList_isRejected() {
        assertThatThrownBy(() -> ServerConfig.defaults(DIR).withRestrictedJurisdictions(List.of()))
                .isInstanceOf(LocusServerException.class)
                .hasMessageContaining("at least one");
    }

    @Test
    void auditHeadInterval_mustBePositive() {
        assertThatThrownBy(() -> ServerConfig.builder(DIR)
                        .auditHeadLogInterval(Duration.ZERO)
                        .build())
                .isInstanceOf(LocusServerException.class)
                .hasMessageContaining("> 0");
    }

    @Test
    void screeningLists_mustBeAFolder_andKeepThroughTheBuilder(@org.junit.jupiter.api.io.TempDir Path lists) {
        Path missing = lists.resolve("no-such-folder");
        assertThatThrownBy(
                        () -> ServerConfig.builder(DIR).screeningLists(missing).build())
                .isInstanceOf(LocusServerException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("not a directory");
        ServerConfig c = ServerConfig.builder(DIR).screeningLists(lists).build();
        assertThat(c.withPort(0).screeningLists()).contains(lists);
        assertThat(ServerConfig.defaults(DIR).screeningLists()).isEmpty();
    }
}
