package dev.locus.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.compliance.parties.PartyKind;
import dev.locus.compliance.testing.TestDb;
import dev.locus.screening.list.ListVersion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An organisation whose ownership is unknown, or whose known direct owners hold less than 75 %, is
 * itself a stored finding ({@code OWNERSHIP:UNKNOWN}); disclosing the owners makes it GONE.
 */
class UnknownOwnershipTest {
    private static final String KEY = "OWNERSHIP:UNKNOWN";

    static List<String> engines() {
        return TestDb.engines();
    }

    private static ScreeningFixture fixture(String engine) {
        List<ListVersion> tiny = ScreeningFixture.tinyList();
        return new ScreeningFixture(engine, new ListSource("test", Optional.empty(), () -> tiny));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aCompanyWithNoOwnersRecorded_isAFinding_andAPersonIsNot(String engine) {
        try (ScreeningFixture f = fixture(engine)) {
            f.company("shell", PartyKind.CONSIGNEE, "Lion Gate Compute Pte. Ltd.", "SG");
            f.company("someone", PartyKind.PERSON, "Tan Wei Ming", "SG");

            Hit h = f.hit("shell", KEY).orElseThrow();
            assertThat(h.kind()).isEqualTo(Hit.Kind.OWNERSHIP);
            assertThat(h.status()).isEqualTo(Hit.Status.OPEN);
            assertThat(h.decision()).isEqualTo("RULE");
            assertThat(h.score()).isEqualTo(1.0);
            assertThat(h.explanation().path("undisclosed_percent").asDouble()).isEqualTo(100.0);
            assertThat(h.explanation().path("summary").asText()).contains("no owners are recorded");
            assertThat(f.hits("someone")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void sixtyPercentDisclosed_isAFinding_namingTheUndisclosedShare_andDisclosingEightyMakesItGone(String engine) {
        try (ScreeningFixture f = fixture(engine)) {
            f.company("buyer", PartyKind.CONSIGNEE, "Lion Gate Compute Pte. Ltd.", "SG");
            f.company("hold", PartyKind.COMPANY, "Harbour Holdings Limited", "HK");
            f.company("founder", PartyKind.PERSON, "Tan Wei Ming", "SG");
            f.owns("hold", "buyer", 60);

            Hit open = f.hit("buyer", KEY).orElseThrow();
            assertThat(open.status()).isEqualTo(Hit.Status.OPEN);
            assertThat(open.explanation().path("undisclosed_percent").asDouble())
                    .isEqualTo(40.0);
            assertThat(open.explanation().path("disclosed_percent").asDouble()).isEqualTo(60.0);
            assertThat(open.explanation().path("summary").asText()).contains("40.00 %");
            assertThat(open.explanation().path("direct_owners").findValuesAsText("id"))
                    .containsExactly("hold");

            f.owns("founder", "buyer", 20); // 80 % disclosed: under the 25 % that counts as significant
            assertThat(f.hit("buyer", KEY).orElseThrow().status()).isEqualTo(Hit.Status.GONE);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void eightyPercentDisclosed_andFullyDisclosed_areNoFindings(String engine) {
        try (ScreeningFixture f = fixture(engine)) {
            f.company("founder", PartyKind.PERSON, "Tan Wei Ming", "SG");
            f.company("partly", PartyKind.END_USER, "Partly Known Compute Sdn. Bhd.", "MY");
            f.owns("founder", "partly", 80);
            f.company("whole", PartyKind.END_USER, "Wholly Known Compute Sdn. Bhd.", "MY");
            f.owns("founder", "whole", 100);

            // raised when each was saved without owners; gone once the owners were recorded
            assertThat(f.hit("partly", KEY).orElseThrow().status()).isEqualTo(Hit.Status.GONE);
            assertThat(f.hit("whole", KEY).orElseThrow().status()).isEqualTo(Hit.Status.GONE);
            assertThat(f.hits("founder")).isEmpty();
        }
    }
}
