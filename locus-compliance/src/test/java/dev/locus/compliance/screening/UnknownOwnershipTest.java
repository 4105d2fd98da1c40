package dev.locus.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.compliance.outcome.Outcome;
import dev.locus.compliance.parties.PartyKind;
import dev.locus.compliance.testing.TestDb;
import dev.locus.screening.list.ListVersion;
import java.util.List;
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
        return new ScreeningFixture(engine, new ListSource("test", () -> tiny));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void firesForCompaniesWithUnknownOwners_notForPeople_norFor80Or100PercentDisclosed(String engine) {
        try (ScreeningFixture f = fixture(engine)) {
            f.company("founder", PartyKind.PERSON, "Tan Wei Ming", "SG");
            for (String id : List.of("none", "partly", "whole")) {
                f.company(id, PartyKind.END_USER, id + " Compute Sdn. Bhd.", "MY");
            }
            f.owns("founder", "partly", 80);
            f.owns("founder", "whole", 100);

            assertThat(f.hits("founder")).as("a person").isEmpty();
            Hit none = f.hit("none", KEY).orElseThrow();
            assertThat(List.of(none.kind().name(), none.status().name(), none.decision()))
                    .containsExactly("OWNERSHIP", "OPEN", "RULE");
            assertThat(none.score()).isEqualTo(1.0);
            assertThat(none.explanation().path("undisclosed_percent").asDouble())
                    .isEqualTo(100.0);
            assertThat(none.explanation().path("summary").asText()).contains("no owners are recorded");
            // raised when each was saved without owners; gone once 80 % and 100 % were recorded
            assertThat(f.hit("partly", KEY).orElseThrow().status()).isEqualTo(Hit.Status.GONE);
            assertThat(f.hit("whole", KEY).orElseThrow().status()).isEqualTo(Hit.Status.GONE);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void sixtyPercentDisclosed_namesTheUndisclosedShare_untilEightyIsDisclosed(String engine) {
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
    void aCompanyWithOnlyItsUndecidedFinding_canBeDeleted_butNotOnceAPersonDecidedOnIt(String engine) {
        try (ScreeningFixture f = fixture(engine)) {
            List.of("brief", "kept").forEach(id -> f.company(id, PartyKind.END_USER, id + " Compute Limited", "SG"));
            long kept = f.hit("kept", KEY).orElseThrow().id();
            HitDecision dismiss = new HitDecision(HitDecision.Verdict.DISMISS, "owners known from the registry");
            assertThat(f.screening.decide(kept, dismiss, "officer")).isInstanceOf(Outcome.Done.class);

            assertThat(f.parties.delete("brief", "officer")).isInstanceOf(Outcome.Done.class);
            assertThat(f.parties.find("brief")).isEmpty();
            assertThat(f.parties.delete("kept", "officer")).isInstanceOf(Outcome.Conflict.class);
            assertThat(f.hit("kept", KEY).orElseThrow().status()).isEqualTo(Hit.Status.DISMISSED);
        }
    }
}
