package dev.locus.server.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.server.EachEngine;
import dev.locus.server.Fixtures;
import dev.locus.server.Json;
import dev.locus.server.MutableClock;
import dev.locus.server.auth.Principal;
import dev.locus.server.auth.Role;
import dev.locus.server.ingest.IngestPolicy;
import dev.locus.server.ingest.IngestResult;
import dev.locus.server.ingest.RejectionReason;
import dev.locus.server.persistence.Database;
import dev.locus.server.registry.RegistryService;
import dev.locus.wire.RegistryValues;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Peer round trips at the control plane's boundary: every check, with its stored reason. */
class PeerRoundTripIngestorTest {

    private static final Principal SG1 = new Principal("t1", "landmark sg1", Role.LANDMARK, Optional.of("sg1"));
    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final ObjectMapper json = Json.mapper();
    private final PeerMesh mesh = new PeerMesh(5);
    private final LandmarkKey sg1 = mesh.landmark("sg1", "Singapore", GeoPosition.ofDegrees(1.3667, 103.75));
    private final LandmarkKey sg2 = mesh.landmark("sg2", "Singapore East", GeoPosition.ofDegrees(1.35, 103.83));
    private final LandmarkKey kl1 = mesh.landmark("kl1", "Kuala Lumpur", GeoPosition.ofDegrees(3.1333, 101.7));

    private Instant recent() {
        return Fixtures.NOW.minusSeconds(5);
    }

    private static IngestResult.Rejected rejected(IngestResult r) {
        assertThat(r).isInstanceOf(IngestResult.Rejected.class);
        return (IngestResult.Rejected) r;
    }

    private RegistryService registry(Database db) {
        RegistryService r = Fixtures.registry(db, clock);
        mesh.register(r);
        return r;
    }

    @EachEngine
    void signedPeerRoundTrip_isAcceptedOnce_andAReplayIsADuplicate(Database db) {
        registry(db);
        var ingestor = new PeerRoundTripIngestor(db, IngestPolicy.live(), clock);
        AtomicInteger told = new AtomicInteger();
        ingestor.onAccepted(told::incrementAndGet);
        SignedReceipt r = mesh.receipt(sg1, sg2, 250_000, recent());

        List<IngestResult> first = ingestor.ingest(List.of(PeerSubmission.of(r)), SG1);
        List<IngestResult> again = ingestor.ingest(List.of(PeerSubmission.of(r)), SG1);

        assertThat(first.get(0)).isInstanceOf(IngestResult.Accepted.class);
        assertThat(rejected(again.get(0)).reason()).isEqualTo(RejectionReason.DUPLICATE);
        assertThat(told).hasValue(1);
        var page = PeerRoundTripQueries.page(db, Optional.of("sg2"), Optional.empty(), 0, 10);
        assertThat(page.items()).hasSize(2);
        assertThat(page.items().get(0).measuringLandmarkId()).isEqualTo("sg1");
        assertThat(page.items().get(0).measuredLandmarkId()).isEqualTo("sg2");
        assertThat(page.items().get(0).rttMinNanos()).isEqualTo(250_000);
        assertThat(page.items().get(1).rejectionReason()).contains(RejectionReason.DUPLICATE);
    }

    @EachEngine
    void everyBadRoundTrip_isStoredWithItsReason(Database db) throws Exception {
        RegistryService registry = registry(db);
        LandmarkKey stranger = new PeerMesh(6).landmark("xx1", "Unregistered", GeoPosition.ofDegrees(1.3, 103.8));
        var ingestor = new PeerRoundTripIngestor(db, IngestPolicy.live(), clock);
        SignedReceipt good = mesh.receipt(sg1, sg2, 250_000, recent());
        PeerSubmission alteredRtt = new PeerSubmission(
                "sg1",
                "sg2",
                100_000,
                good.receipt().measuredAt(),
                PeerSubmission.of(good).signedReceiptBytes(),
                Optional.of(good),
                Optional.empty());
        PeerSubmission garbage = PeerRoundTripJson.parse(
                json.readTree("{\"measuring_landmark_id\":\"sg1\",\"measured_landmark_id\":\"sg2\",\"rtt_min_nanos\":1,"
                        + "\"measured_at\":\"yesterday\",\"signed_receipt\":\"%%%\",\"extra\":1}"));
        registry.setLandmarkStatus("kl1", RegistryValues.LandmarkStatus.RETIRED, "decommissioned", "test");

        List<IngestResult> results = ingestor.ingest(
                List.of(
                        PeerSubmission.of(mesh.receipt(sg2, sg1, 250_000, recent())), // sg2 measured, token is sg1's
                        PeerSubmission.of(mesh.receipt(sg1, sg2, sg2, 250_000, recent())), // sg2's key answered
                        alteredRtt,
                        garbage,
                        PeerSubmission.of(mesh.receipt(sg1, sg2, 250_000, Fixtures.NOW.minus(Duration.ofMinutes(11)))),
                        PeerSubmission.of(mesh.receipt(sg1, sg2, 250_000, Fixtures.NOW.plusSeconds(60))),
                        PeerSubmission.of(mesh.receipt(sg1, stranger, 250_000, recent())),
                        PeerSubmission.of(mesh.receipt(sg1, kl1, 2_000_000, recent()))),
                SG1);

        assertThat(results)
                .extracting(r -> rejected(r).reason())
                .containsExactly(
                        RejectionReason.NOT_AUTHORISED,
                        RejectionReason.BAD_SIGNATURE,
                        RejectionReason.BAD_SIGNATURE,
                        RejectionReason.MALFORMED,
                        RejectionReason.STALE,
                        RejectionReason.FROM_FUTURE,
                        RejectionReason.UNKNOWN_LANDMARK,
                        RejectionReason.LANDMARK_RETIRED);
        assertThat(rejected(results.get(1)).detail()).contains("another key answered");
        assertThat(rejected(results.get(2)).detail()).contains("readable fields differ");
        assertThat(rejected(results.get(3)).detail())
                .contains("measured_at must be an ISO-8601 instant")
                .contains("signed_receipt must be base64")
                .contains("unknown field 'extra'");
        var stored = PeerRoundTripQueries.page(
                db, Optional.empty(), Optional.of(PeerRoundTripQueries.Status.REJECTED), 0, 100);
        assertThat(stored.items())
                .hasSize(8)
                .allSatisfy(s -> assertThat(s.rejectionDetail()).isPresent());
    }

    @EachEngine
    void agentTokens_cannotSubmit_andAdminsBackfillOlderRoundTrips(Database db) {
        registry(db);
        var ingestor = new PeerRoundTripIngestor(db, IngestPolicy.live(), clock);
        Principal agent = new Principal("t2", "agent", Role.AGENT, Optional.of("sg1"));
        Principal admin = new Principal("t3", "admin", Role.ADMIN, Optional.empty());
        SignedReceipt old = mesh.receipt(sg1, sg2, 250_000, Fixtures.NOW.minus(Duration.ofHours(3)));

        assertThat(rejected(ingestor.ingest(List.of(PeerSubmission.of(mesh.receipt(sg1, sg2, 9, recent()))), agent)
                                .get(0))
                        .reason())
                .isEqualTo(RejectionReason.NOT_AUTHORISED);
        assertThat(ingestor.ingest(
                                List.of(PeerSubmission.of(old)),
                                admin,
                                IngestPolicy.live().withMaxAge(Duration.ofHours(24)))
                        .get(0))
                .isInstanceOf(IngestResult.Accepted.class);
        assertThat(PeerRoundTripJson.toJson(PeerSubmission.of(old)))
                .containsEntry("measuring_landmark_id", "sg1")
                .containsKeys("measured_landmark_id", "rtt_min_nanos", "measured_at", "signed_receipt");
    }
}
