package dev.locus.sim.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.boundaries.NaturalEarth;
import dev.locus.geo.verdict.Policy;
import dev.locus.geo.verdict.Verdict;
import dev.locus.sim.latency.Host;
import dev.locus.sim.latency.LatencyDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The evaluation on the bundled real round trips (WonderProxy, 2020-07-19). */
class EvaluationTest {

    private static final Set<String> SOUTHEAST_ASIA =
            Set.of("SG", "MY", "ID", "TH", "VN", "PH", "KH", "LA", "MM", "BN");
    private static LatencyDataset data;
    private static EvalReport report;

    @BeforeAll
    static void evaluate() {
        data = LatencyDataset.bundled();
        // F = 0 and every host in the audit: the evaluation as it always was.
        report = new Evaluation(data, NaturalEarth.bundled(), Policy.DEFAULT.withToleratedLiars(0)).run(s -> {});
    }

    @Test
    void realData_givesNoUnsoundVerdict() {
        EvalReport.Summary s = report.summary();
        assertThat(s.unsoundVerdicts()).isZero();
        assertThat(s.restrictedDevicesExcluded()).isZero();
        assertThat(s.restrictedDevices()).isEqualTo(3);
        assertThat(s.devices()).isEqualTo(172);
    }

    @Test
    void laCeiba_whosePublishedPositionContradictsLight_isSuspect() {
        assertThat(report.audit().suspects())
                .anySatisfy(sl -> assertThat(sl.landmark().name()).isEqualTo("LaCeiba"));
        // Every contradiction is explained by some suspect.
        Set<String> suspects = report.audit().suspectIds();
        assertThat(report.audit().contradictions())
                .allSatisfy(c -> assertThat(suspects.contains(c.pair().a().id())
                                || suspects.contains(c.pair().b().id()))
                        .isTrue());
        // The suspect device is itself shown to be outside its claimed zone.
        assertThat(report.entries().stream().filter(e -> e.device().name().equals("LaCeiba")))
                .singleElement()
                .satisfies(e -> assertThat(e.assessment().verdicts()).contains(Verdict.OUTSIDE_ZONE));
    }

    @Test
    void shareProvenOutsideRestricted_isWhatExactGeometryGives() {
        EvalReport.Summary s = report.summary();
        // 146 of 169 measured on this data with c; nothing undecided at the resolution limit.
        assertThat(s.excludesRestrictedShare()).isGreaterThan(0.85);
        assertThat(s.undecided()).isZero();
    }

    @Test
    void dishonestClaims_restrictedHostsClaimingSoutheastAsianSites_neverVerify() {
        List<Claim> claims = new ArrayList<>();
        for (Host device : data.hosts()) {
            if (!Policy.DEFAULT.restricted().contains(device.country())) {
                continue;
            }
            for (Host site : data.hosts()) {
                if (SOUTHEAST_ASIA.contains(site.country())) {
                    claims.add(new Claim(device.id(), site.position()));
                }
            }
        }
        assertThat(claims).hasSizeGreaterThan(20);
        EvalReport dishonest = new Evaluation(data, NaturalEarth.bundled(), Policy.DEFAULT).run(claims, true, s -> {});
        assertThat(dishonest.entries()).allSatisfy(e -> {
            assertThat(e.assessment().verdicts()).doesNotContain(Verdict.IN_ZONE, Verdict.EXCLUDES_RESTRICTED);
            assertThat(e.unsound()).isEmpty();
        });
    }

    /** As for a customer chip (device outside the audit), tolerating one liar: still no unsound verdict. */
    @Test
    void deviceOutsideAudit_atFOne_givesNoUnsoundVerdict_andReportsF() throws Exception {
        EvalReport r =
                new Evaluation(data, NaturalEarth.bundled(), Policy.DEFAULT.withToleratedLiars(1), true).run(s -> {});
        assertThat(r.summary().unsoundVerdicts()).isZero();
        assertThat(r.summary().restrictedDevicesExcluded()).isZero();
        // Tolerating a liar costs completeness: never more proven than assuming all honest.
        assertThat(r.summary().excludesRestricted())
                .isLessThanOrEqualTo(report.summary().excludesRestricted());
        assertThat(r.summary().excludesRestrictedShare()).isGreaterThan(0.75);
        JsonNode json = new ObjectMapper().readTree(r.toJson());
        assertThat(json.path("summary").path("tolerated_liars").asInt()).isEqualTo(1);
        assertThat(json.path("summary").path("device_outside_audit").asBoolean())
                .isTrue();
    }

    @Test
    void jsonReport_hasTheDocumentedFields() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        for (String f : List.of(
                "devices",
                "non_restricted_devices",
                "excludes_restricted",
                "restricted_devices",
                "restricted_devices_excluded",
                "in_zone",
                "verdicts_per_second")) {
            assertThat(json.path("summary").has(f)).as(f).isTrue();
        }
        assertThat(json.path("summary").path("restricted_devices_excluded").asInt())
                .isZero();
        assertThat(json.path("suspect_landmarks").get(0).has("reason")).isTrue();
        JsonNode device = json.path("devices").get(0);
        for (String f : List.of("id", "name", "country", "claim", "verdicts", "max_distance_km")) {
            assertThat(device.has(f)).as(f).isTrue();
        }
        assertThat(json.path("devices")).hasSize(172);
    }
}
