package dev.locus.server.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.server.EachEngine;
import dev.locus.server.Fixtures;
import dev.locus.server.Json;
import dev.locus.server.MutableClock;
import dev.locus.server.TestDatabases;
import dev.locus.server.alerts.Alert;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.alerts.SuspectLandmarkRule;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.auth.Principal;
import dev.locus.server.auth.Role;
import dev.locus.server.ingest.IngestPolicy;
import dev.locus.server.ingest.IngestResult;
import dev.locus.server.persistence.Database;
import dev.locus.server.registry.RegistryService;
import dev.locus.sim.latency.Host;
import dev.locus.sim.latency.LatencyDataset;
import dev.locus.wire.RegistryValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mesh audit on stored peer round trips: honest landmarks at their published positions with
 * the bundled WonderProxy round trips between them, and one landmark registered at a false
 * position whose round trips are those of the place it really is.
 */
class MeshAuditorTest {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static final LatencyDataset DATA = LatencyDataset.bundled();
    /** Amsterdam, Stockholm, London, Zurich, Brussels: consistent with each other at light speed. */
    private static final List<String> HONEST = List.of("7", "10", "11", "35", "208");
    /** Frankfurt's server, registered at Singapore's published position. */
    private static final String REALLY_AT = "29";

    private static final Principal ADMIN = new Principal("t0", "admin", Role.ADMIN, Optional.empty());

    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final PeerMesh mesh = new PeerMesh(11);
    private final List<String> invalidated = new java.util.concurrent.CopyOnWriteArrayList<>();

    private record Stack(
            RegistryService registry, AlertService alerts, PeerRoundTripIngestor ingestor, MeshAuditor audit) {}

    private Stack stack(Database db) {
        AuditedStore store = Fixtures.store(db, clock);
        RegistryService registry = new RegistryService(store);
        AlertService alerts = new AlertService(store);
        mesh.register(registry);
        return new Stack(
                registry,
                alerts,
                new PeerRoundTripIngestor(db, IngestPolicy.live(), clock),
                new MeshAuditor(
                        db,
                        registry,
                        SuspectLandmarkRule.install(db, alerts, clock),
                        invalidated::add,
                        clock,
                        Duration.ofHours(24),
                        Duration.ofMinutes(1)));
    }

    private static Host host(String id) {
        return DATA.host(id).orElseThrow();
    }

    /** Every pair of the mesh measured once, with the data set's round trip, at {@code at}. */
    private void measureAll(Stack s, Instant at) {
        List<PeerSubmission> batch = new ArrayList<>();
        List<String> ids = new ArrayList<>(mesh.keys.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                long rtt = DATA.minRoundTrip(realHost(ids.get(i)), realHost(ids.get(j)))
                        .orElseThrow()
                        .nanos();
                batch.add(
                        PeerSubmission.of(mesh.receipt(mesh.keys.get(ids.get(i)), mesh.keys.get(ids.get(j)), rtt, at)));
            }
        }
        assertThat(s.ingestor().ingest(batch, ADMIN)).allMatch(r -> r instanceof IngestResult.Accepted);
    }

    private static String realHost(String landmarkId) {
        return landmarkId.equals("liar") ? REALLY_AT : landmarkId;
    }

    private void honestMesh() {
        for (String id : HONEST) {
            Host h = host(id);
            mesh.landmark(id, h.name(), h.position());
        }
    }

    private static Alert openAlert(AlertService alerts, String landmark) {
        List<Alert> found = alerts.page(Optional.of(Alert.Status.OPEN), Optional.empty(), 0, 100).items().stream()
                .filter(a -> a.subjectId().equals(landmark))
                .toList();
        assertThat(found).as("open alert for " + landmark).hasSize(1);
        return found.get(0);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void landmarkAtAFalsePosition_isMarkedSuspect_andTheAlertNamesEveryContradictingPair(String engine)
            throws Exception {
        honestMesh();
        LandmarkKey liar =
                mesh.landmark("liar", "Liar (claims Singapore)", host("31").position());
        try (Database db = TestDatabases.fresh(engine)) {
            Stack s = stack(db);
            measureAll(s, Fixtures.NOW.minusSeconds(30));

            MeshAuditor.Outcome o = s.audit().run();

            assertThat(o.marked()).containsExactly("liar");
            assertThat(o.report().pairsChecked()).isEqualTo(15);
            assertThat(s.registry().landmark("liar").orElseThrow().status())
                    .isEqualTo(RegistryValues.LandmarkStatus.SUSPECT);
            for (String id : HONEST) {
                assertThat(s.registry().landmark(id).orElseThrow().status())
                        .isEqualTo(RegistryValues.LandmarkStatus.ACTIVE);
            }
            assertThat(invalidated)
                    .as("the marked landmark's chips are made due after the status change")
                    .containsExactly("liar");
            Alert alert = openAlert(s.alerts(), "liar");
            assertThat(alert.rule()).isEqualTo(Alert.Rule.SUSPECT_LANDMARK);
            JsonNode ev = Json.mapper().readTree(alert.evidenceJson());
            assertThat(ev.get("marked_suspect").asBoolean()).isTrue();
            assertThat(ev.get("isolated_pair").asBoolean()).isFalse();
            assertThat(ev.get("contradictions")).hasSize(HONEST.size());
            for (JsonNode pair : ev.get("contradictions")) {
                assertThat(List.of(
                                pair.get("landmark_a").asText(),
                                pair.get("landmark_b").asText()))
                        .contains("liar");
                double distance = pair.get("distance_km").asDouble();
                double max = pair.get("max_distance_km").asDouble();
                assertThat(distance).as("Singapore to Europe").isGreaterThan(9_000);
                assertThat(max)
                        .isEqualTo(
                                pair.get("rtt_ms").asDouble() * 299.792458 / 2,
                                org.assertj.core.data.Offset.offset(0.2));
                assertThat(pair.get("excess_km").asDouble())
                        .isEqualTo(distance - max, org.assertj.core.data.Offset.offset(0.2));
            }
            assertThat(liar.identity().id()).isEqualTo("liar");

            MeshAuditor.Outcome again = s.audit().run();
            assertThat(again.marked()).as("already suspect").isEmpty();
            assertThat(again.alertsRaised())
                    .as("one unresolved alert per subject")
                    .isEmpty();
        }
    }

    @EachEngine
    void honestMesh_raisesNothing(Database db) {
        honestMesh();
        Stack s = stack(db);
        measureAll(s, Fixtures.NOW.minusSeconds(30));
        MeshAuditor.Outcome o = s.audit().run();
        assertThat(o.report().pairsChecked()).isEqualTo(10);
        assertThat(o.report().contradictions()).isEmpty();
        assertThat(o.marked()).isEmpty();
        assertThat(o.alertsRaised()).isEmpty();
    }

    @EachEngine
    void isolatedContradictingPair_alertsBothSides_andMarksNeither(Database db) {
        mesh.landmark("lon", "London", host("11").position());
        mesh.landmark("syd", "Sydney?", host("107").position());
        Stack s = stack(db);
        s.ingestor()
                .ingest(
                        List.of(PeerSubmission.of(mesh.receipt(
                                mesh.keys.get("lon"), mesh.keys.get("syd"), 1_000_000, Fixtures.NOW.minusSeconds(5)))),
                        ADMIN);

        MeshAuditor.Outcome o = s.audit().run();

        assertThat(o.marked()).isEmpty();
        assertThat(o.alertsRaised()).hasSize(2);
        for (String id : List.of("lon", "syd")) {
            assertThat(s.registry().landmark(id).orElseThrow().status())
                    .isEqualTo(RegistryValues.LandmarkStatus.ACTIVE);
            Alert a = openAlert(s.alerts(), id);
            assertThat(a.summary()).contains("lon").contains("syd").contains("neither is marked");
            assertThat(a.evidenceJson()).contains("\"isolated_pair\":true");
        }
        assertThat(invalidated).isEmpty();
    }

    @EachEngine
    void isolatedPairFirst_thenTheWholeMesh_resolvesTheHonestSideAndSupersedesTheLiarsAlert(Database db) {
        honestMesh();
        mesh.landmark("liar", "Liar (claims Singapore)", host("31").position());
        Stack s = stack(db);
        long rtt = DATA.minRoundTrip("7", REALLY_AT).orElseThrow().nanos();
        s.ingestor()
                .ingest(
                        List.of(PeerSubmission.of(mesh.receipt(
                                mesh.keys.get("7"), mesh.keys.get("liar"), rtt, Fixtures.NOW.minusSeconds(40)))),
                        ADMIN);
        MeshAuditor.Outcome early = s.audit().run();
        assertThat(early.marked()).isEmpty();
        assertThat(early.alertsRaised()).hasSize(2);
        long honestAlert = openAlert(s.alerts(), "7").id();

        measureAll(s, Fixtures.NOW.minusSeconds(30));
        MeshAuditor.Outcome later = s.audit().run();

        assertThat(later.marked()).containsExactly("liar");
        assertThat(later.alertsResolved()).hasSize(2).contains(honestAlert);
        assertThat(s.alerts().alert(honestAlert).orElseThrow().resolvedBy()).contains(AlertService.SYSTEM);
        assertThat(s.alerts()
                        .page(Optional.of(Alert.Status.OPEN), Optional.empty(), 0, 100)
                        .items())
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.subjectId()).isEqualTo("liar");
                    assertThat(a.evidenceJson()).contains("\"marked_suspect\":true");
                });
        assertThat(s.audit().run().report().contradictions())
                .as("a system resolution clears nothing")
                .hasSize(HONEST.size());
    }

    @EachEngine
    void restoredLandmark_isNotFlaggedAgainWithoutNewContradictingData(Database db) {
        honestMesh();
        mesh.landmark("liar", "Liar (claims Singapore)", host("31").position());
        Stack s = stack(db);
        measureAll(s, Fixtures.NOW.minusSeconds(30));
        s.audit().run();
        Alert first = openAlert(s.alerts(), "liar");

        s.registry().setLandmarkStatus("liar", RegistryValues.LandmarkStatus.ACTIVE, "checked the survey", "admin");
        s.alerts().resolve(first.id(), "checked the survey", "admin");
        clock.advance(Duration.ofMinutes(2));
        MeshAuditor.Outcome quiet = s.audit().run();

        assertThat(quiet.marked()).isEmpty();
        assertThat(quiet.alertsRaised()).isEmpty();
        assertThat(quiet.report().contradictions())
                .as("old pairs of the cleared landmark no longer count")
                .isEmpty();
        assertThat(s.registry().landmark("liar").orElseThrow().status())
                .isEqualTo(RegistryValues.LandmarkStatus.ACTIVE);

        measureAll(s, clock.instant().minusSeconds(5));
        MeshAuditor.Outcome flagged = s.audit().run();

        assertThat(flagged.marked()).containsExactly("liar");
        assertThat(flagged.alertsRaised()).hasSize(1);
    }

    @EachEngine
    void runIfDue_runsOnRequestOrAfterTheInterval(Database db) {
        honestMesh();
        Stack s = stack(db);
        s.ingestor().onAccepted(s.audit()::request);
        assertThat(s.audit().runIfDue()).as("first call").isTrue();
        assertThat(s.audit().runIfDue()).as("nothing new, interval not passed").isFalse();
        measureAll(s, Fixtures.NOW.minusSeconds(5));
        assertThat(s.audit().runIfDue()).as("new peer data").isTrue();
        assertThat(s.audit().runIfDue()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(s.audit().runIfDue()).as("interval passed").isTrue();
    }
}
