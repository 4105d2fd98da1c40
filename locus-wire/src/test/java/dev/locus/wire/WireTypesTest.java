package dev.locus.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The wire records read and write the API's snake_case JSON. */
class WireTypesTest {

    @Test
    void ingestSummary_readsAcceptedAndRejectedOutcomes() throws Exception {
        IngestSummary s = WireJson.mapper()
                .readValue(
                        "{\"accepted\":1,\"rejected\":1,\"results\":[{\"receipt_id\":7,\"status\":\"ACCEPTED\"},"
                                + "{\"receipt_id\":8,\"status\":\"REJECTED\",\"reason\":\"STALE\",\"detail\":\"too old\"}]}",
                        IngestSummary.class);
        assertThat(s.accepted()).isEqualTo(1);
        assertThat(s.results()).extracting(IngestSummary.Outcome::accepted).containsExactly(true, false);
        assertThat(s.results().get(0).reason()).isEmpty();
        assertThat(s.results().get(1).reason()).isEqualTo("STALE");
    }

    @Test
    void tokenRequest_omitsAnEmptyBinding_andIssuedTokenHidesItsSecretInToString() throws Exception {
        assertThat(WireJson.mapper().writeValueAsString(TokenRequest.unbound("ops", RegistryValues.Role.AUDITOR)))
                .isEqualTo("{\"name\":\"ops\",\"role\":\"AUDITOR\"}");
        assertThat(WireJson.mapper()
                        .writeValueAsString(TokenRequest.bound("agent SN1", RegistryValues.Role.AGENT, "SN1")))
                .isEqualTo("{\"name\":\"agent SN1\",\"role\":\"AGENT\",\"bound_subject\":\"SN1\"}");
        IssuedToken t = WireJson.mapper()
                .readValue(
                        "{\"id\":\"ab\",\"name\":\"ops\",\"role\":\"AUDITOR\",\"bound_subject\":null,\"token\":\"lct_ab_s3cret\"}",
                        IssuedToken.class);
        assertThat(t.boundSubject()).isEmpty();
        assertThat(t.token()).isEqualTo("lct_ab_s3cret");
        assertThat(t.toString()).doesNotContain("s3cret");
    }
}
