package dev.locus.compliance.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.screening.ownership.Validity;
import dev.locus.server.Json;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StoredLinkTest {
    @Test
    void json_namesTheValidityAsValidFromAndValidUntil() throws Exception {
        StoredLink l = new StoredLink(
                7, "parent", "child", 60, true, Validity.from(LocalDate.parse("2024-03-01")), Instant.EPOCH);

        assertThat(Json.mapper().writeValueAsString(l))
                .isEqualTo("{\"id\":7,\"owner_id\":\"parent\",\"owned_id\":\"child\",\"percent\":60.0,"
                        + "\"direct\":true,\"valid_from\":\"2024-03-01\",\"valid_until\":null,"
                        + "\"created_at\":\"1970-01-01T00:00:00Z\"}");
    }
}
