package dev.locus.compliance.parties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.server.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegisteredPartyTest {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static PartyDetails details(List<String> names) {
        return new PartyDetails(
                PartyKind.COMPANY,
                names,
                List.of("LG"),
                List.of("LEI:5493001KJTIIGC8Y1R12"),
                List.of("1 Harbour Road"),
                Optional.of("SG"),
                Optional.empty(),
                Optional.of(LocalDate.parse("2024-05-01")));
    }

    @Test
    void json_isTheFlatPartyTheApiHasAlwaysAnswered() throws Exception {
        RegisteredParty p = new RegisteredParty("lion", details(List.of("Lion Gate")), 2, T, T.plusSeconds(60));

        assertThat(Json.mapper().writeValueAsString(p))
                .isEqualTo("{\"id\":\"lion\",\"kind\":\"COMPANY\",\"names\":[\"Lion Gate\"],\"aliases\":[\"LG\"],"
                        + "\"registration_numbers\":[\"LEI:5493001KJTIIGC8Y1R12\"],\"addresses\":[\"1 Harbour Road\"],"
                        + "\"country_of_incorporation\":\"SG\",\"headquarters_country\":null,"
                        + "\"incorporated_on\":\"2024-05-01\",\"revision\":2,\"created_at\":\"2026-03-01T10:00:00Z\","
                        + "\"updated_at\":\"2026-03-01T10:01:00Z\"}");
    }

    @Test
    void aPartyWithoutAName_isRefused() {
        assertThatThrownBy(() -> new RegisteredParty("nameless", details(List.of()), 1, T, T))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nameless");
    }

    @Test
    void screeningQueries_oneForEachNameAndAlias() {
        assertThat(details(List.of("Lion Gate", "狮门")).screeningQueries())
                .extracting(q -> q.name())
                .containsExactly("Lion Gate", "狮门", "LG");
    }
}
