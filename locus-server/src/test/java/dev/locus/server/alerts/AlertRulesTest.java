package dev.locus.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.Fixtures;
import dev.locus.server.IssuedReceipts;
import dev.locus.server.MutableClock;
import dev.locus.server.TestDatabases;
import dev.locus.server.auth.Principal;
import dev.locus.server.auth.Role;
import dev.locus.server.ingest.IngestPolicy;
import dev.locus.server.ingest.IngestResult;
import dev.locus.server.ingest.ProtocolReceipts;
import dev.locus.server.ingest.ReceiptIngestor;
import dev.locus.server.ingest.Submission;
import dev.locus.server.persistence.Database;
import dev.locus.server.registry.RegistryService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@SuppressWarnings("try") // each test's database is only closed, at its end
class AlertRulesTest {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static final Principal ADMIN = new Principal("t", "admin", Role.ADMIN, Optional.empty());
    private final IssuedReceipts keys = new IssuedReceipts(17);

    private record World(Database db, MutableClock clock, AlertService alerts, ReceiptIngestor ingestor) {}

    private World world(String engine) {
        Database db = TestDatabases.fresh(engine);
        MutableClock clock = new MutableClock(Fixtures.NOW);
        RegistryService registry = Fixtures.registry(db, clock);
        Fixtures.populate(registry, keys);
        Fixtures.frankfurtLandmark(registry, keys);
        AlertService alerts = Fixtures.alerts(db, clock);
        ReceiptIngestor ingestor = new ReceiptIngestor(
                db, new ProtocolReceipts(), IngestPolicy.live().withMaxAge(Duration.ofDays(2)), clock);
        ingestor.addListener(new ClonedIdentityRule(db, alerts));
        return new World(db, clock, alerts, ingestor);
    }

    private IngestResult submit(World w, String landmark, long rttNanos) {
        return w.ingestor()
                .ingest(
                        List.of(Submission.of(keys.sign(
                                landmark, "GPU-1", List.of(rttNanos), w.clock().instant()))),
                        ADMIN)
                .get(0);
    }

    private static List<Alert> open(World w, Alert.Rule rule) {
        return w.alerts().page(Optional.empty(), Optional.empty(), 0, 100).items().stream()
                .filter(a -> a.rule() == rule)
                .toList();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void flightBetweenLandmarks_isNotAClone_butAnswersMinutesApartAre(String engine) {
        World w = world(engine);
        try (Database ignored = w.db()) {
            assertThat(submit(w, "lm-sg", 400_000)).isInstanceOf(IngestResult.Accepted.class);
            w.clock().advance(Duration.ofHours(13)); // 10,300 km at 1,200 km/h needs 8.6 h
            assertThat(submit(w, "lm-fra", 400_000)).isInstanceOf(IngestResult.Accepted.class);
            assertThat(open(w, Alert.Rule.CLONED_IDENTITY)).isEmpty();

            w.clock().advance(Duration.ofMinutes(5));
            submit(w, "lm-sg", 400_000);
            List<Alert> clones = open(w, Alert.Rule.CLONED_IDENTITY);
            assertThat(clones).singleElement().satisfies(a -> {
                assertThat(a.subjectId()).isEqualTo("GPU-1");
                assertThat(a.severity()).isEqualTo(Alert.Severity.CRITICAL);
                assertThat(a.evidenceJson()).contains("lm-fra").contains("lm-sg");
            });
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void cloneSeparatedByALooseMeasurement_isFoundAgainstTheWindowMinima(String engine) {
        World w = world(engine);
        try (Database ignored = w.db()) {
            submit(w, "lm-sg", 400_000); // within 60 km of Singapore
            w.clock().advance(Duration.ofMinutes(1));
            submit(w, "lm-fra", 100_000_000); // 15,000 km from Frankfurt: explains anything
            assertThat(open(w, Alert.Rule.CLONED_IDENTITY)).isEmpty();
            w.clock().advance(Duration.ofMinutes(1));
            // Near Frankfurt two minutes after Singapore. Consecutive pairs miss it (the previous
            // sighting is the loose one from the same landmark); the Singapore minimum does not.
            submit(w, "lm-fra", 400_000);
            assertThat(open(w, Alert.Rule.CLONED_IDENTITY))
                    .singleElement()
                    .satisfies(
                            a -> assertThat(a.evidenceJson()).contains("lm-sg").contains("lm-fra"));
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void silentInstalledChip_raisesOneSilentAlert_untilResolved(String engine) {
        World w = world(engine);
        try (Database db = w.db()) {
            RegistryService registry = Fixtures.registry(db, w.clock());
            registry.recordCustody("GPU-1", Map.of("kind", "INSTALLED", "site_id", "sg-1"), "ops");
            SilenceRule silence = new SilenceRule(db, w.alerts(), w.clock(), Duration.ofHours(6));
            submit(w, "lm-sg", 400_000);
            w.clock().advance(Duration.ofHours(5));
            assertThat(silence.check()).isZero();
            w.clock().advance(Duration.ofHours(2));
            assertThat(silence.check()).isEqualTo(1);
            assertThat(silence.check()).isZero(); // still open: not raised twice
            long id = open(w, Alert.Rule.SILENT).get(0).id();
            assertThat(w.alerts().resolve(id, "back online after maintenance", "ops"))
                    .isInstanceOf(Transition.Done.class);
            assertThat(silence.check()).isEqualTo(1); // still silent: raised again

            w.ingestor().addListener(silence);
            submit(w, "lm-sg", 400_000);
            Alert resolved =
                    w.alerts().page(Optional.of(Alert.Status.RESOLVED), Optional.of("GPU-1"), 0, 10).items().stream()
                            .filter(a -> a.rule() == Alert.Rule.SILENT && a.id() != id)
                            .findFirst()
                            .orElseThrow();
            assertThat(resolved.resolvedBy()).contains(AlertService.SYSTEM);
            assertThat(resolved.resolutionNote().orElseThrow()).startsWith("attestation resumed");
            assertThat(silence.check()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void installedChipWithoutProvenVerdict_isUnverifiedAfterThePolicyPeriod(String engine) {
        World w = world(engine);
        try (Database db = w.db()) {
            Fixtures.registry(db, w.clock())
                    .recordCustody("GPU-1", Map.of("kind", "INSTALLED", "site_id", "sg-1"), "ops");
            UnverifiedRule rule = new UnverifiedRule(db, w.alerts(), w.clock(), Duration.ofHours(24));
            assertThat(rule.check()).isZero();
            w.clock().advance(Duration.ofHours(25));
            assertThat(rule.check()).isEqualTo(1);
            assertThat(open(w, Alert.Rule.UNVERIFIED))
                    .singleElement()
                    .satisfies(a -> assertThat(a.subjectId()).isEqualTo("GPU-1"));
        }
    }
}
