package dev.locus.server.mesh;

import static dev.locus.server.ingest.StoredOutcome.clamp;
import static dev.locus.server.ingest.StoredOutcome.clip;

import dev.locus.protocol.receipt.PeerReceipts;
import dev.locus.protocol.receipt.Receipt;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.server.Bytes;
import dev.locus.server.auth.Principal;
import dev.locus.server.auth.Role;
import dev.locus.server.ingest.BatchIngestor;
import dev.locus.server.ingest.IngestPolicy;
import dev.locus.server.ingest.IngestResult;
import dev.locus.server.ingest.Rejection;
import dev.locus.server.ingest.RejectionReason;
import dev.locus.server.ingest.StoredOutcome;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import dev.locus.server.registry.Landmark;
import dev.locus.server.registry.RegistryService;
import dev.locus.wire.RegistryValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Checks and stores peer round trips (landmark-to-landmark receipts) in batches. Every submission
 * is stored, accepted or rejected with its reason, before the caller is answered. Checks, in
 * order: decoding ({@code MALFORMED}), the submitter's binding ({@code NOT_AUTHORISED}: a landmark
 * token submits only round trips its own landmark measured; agent tokens none), version, that the
 * receipt was answered by a landmark and names two different landmarks, that the readable fields
 * equal the signed ones ({@code BAD_SIGNATURE}), round-trip sanity, freshness ({@code STALE},
 * {@code FROM_FUTURE}), both landmarks registered and not retired, the measured landmark's
 * certified position equal to its registered one, both signatures against the registered keys
 * ({@code BAD_SIGNATURE}), and single use of the measured landmark's nonce ({@code DUPLICATE},
 * atomic through the {@code landmark_round_trip_nonces} primary key). Thread-safe.
 */
public final class PeerRoundTripIngestor extends BatchIngestor<PeerSubmission, List<IngestResult>> {
    private static final Kind ROUND_TRIPS = new Kind("round trips", "peer round-trip batch", Sql::isUniqueViolation);

    private final List<Runnable> onAccepted = new CopyOnWriteArrayList<>();

    /**
     * An ingestor whose transaction is retried when a concurrent batch took a nonce first (each
     * attempt re-checks against it).
     */
    public PeerRoundTripIngestor(Database db, IngestPolicy policy, InstantSource clock) {
        super(db, policy, clock, ROUND_TRIPS);
    }

    /** Runs {@code listener} after every committed batch that accepted at least one round trip. */
    public void onAccepted(Runnable listener) {
        onAccepted.add(listener);
    }

    @Override
    protected List<IngestResult> committed(List<IngestResult> results) {
        if (results.stream().anyMatch(r -> r instanceof IngestResult.Accepted)) {
            onAccepted.forEach(Runnable::run);
        }
        return results;
    }

    @Override
    protected Optional<Rejection> statelessCheck(PeerSubmission s, Principal p, IngestPolicy policy, Instant now) {
        if (s.malformed().isPresent()) {
            return reject(RejectionReason.MALFORMED, s.malformed().get());
        }
        if (p.role() == Role.AGENT) {
            return reject(RejectionReason.NOT_AUTHORISED, "agent tokens cannot submit landmark round trips");
        }
        if (p.role() == Role.LANDMARK && !p.boundSubject().orElse("").equals(s.measuringLandmarkId())) {
            return reject(
                    RejectionReason.NOT_AUTHORISED,
                    "token is bound to landmark " + p.boundSubject().orElse("?") + ", round trip was measured by"
                            + " landmark " + s.measuringLandmarkId());
        }
        Receipt r = s.signedReceipt().orElseThrow().receipt();
        Optional<Rejection> version = policy.versionProblem(r.protocolVersion());
        if (version.isPresent()) {
            return version;
        }
        if (!PeerReceipts.isPeerReceipt(r)) {
            return reject(
                    RejectionReason.MALFORMED,
                    "signed_receipt was answered by device model '" + r.deviceModel() + "'; a peer round trip must be"
                            + " answered by a landmark ('" + PeerReceipts.PEER_MODEL + "')");
        }
        if (r.deviceSerial().equals(r.landmarkId())) {
            return reject(RejectionReason.MALFORMED, "landmark " + r.landmarkId() + " cannot measure itself");
        }
        if (!r.deviceSerial().equals(s.measuringLandmarkId())
                || !r.landmarkId().equals(s.measuredLandmarkId())
                || r.minRttNanos() != s.rttMinNanos()
                || !r.measuredAt().equals(s.measuredAt().truncatedTo(ChronoUnit.MICROS))) {
            return reject(
                    RejectionReason.BAD_SIGNATURE,
                    "readable fields differ from the signed ones: signed " + r.deviceSerial() + " -> "
                            + r.landmarkId() + ", " + r.minRttNanos() + " ns at " + r.measuredAt() + "; given "
                            + s.measuringLandmarkId() + " -> " + s.measuredLandmarkId() + ", " + s.rttMinNanos()
                            + " ns at " + s.measuredAt());
        }
        Optional<Rejection> rtt = policy.roundTripProblem("rtt_min_nanos", r.minRttNanos());
        if (rtt.isPresent()) {
            return rtt;
        }
        return policy.freshnessProblem(r.measuredAt(), now);
    }

    @Override
    protected List<IngestResult> store(
            Connection c, List<PeerSubmission> batch, List<Optional<Rejection>> early, Principal submitter, Instant now)
            throws SQLException {
        List<Optional<Rejection>> verdicts = new ArrayList<>(early);
        Map<String, Optional<Landmark>> landmarks = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            if (verdicts.get(i).isEmpty()) {
                verdicts.set(i, check(c, batch.get(i), landmarks, seen));
            }
        }
        List<IngestResult> results = new ArrayList<>(batch.size());
        try (PreparedStatement ins = c.prepareStatement(
                        "INSERT INTO landmark_round_trips (measuring_landmark_id, measured_landmark_id, nonce,"
                                + " rtt_min_nanos, rtt_samples_nanos, measured_at, signed_receipt, "
                                + StoredOutcome.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        new String[] {"id"});
                PreparedStatement nonce = c.prepareStatement("INSERT INTO landmark_round_trip_nonces"
                        + " (measured_landmark_id, nonce, round_trip_id) VALUES (?, ?, ?)")) {
            for (int i = 0; i < batch.size(); i++) {
                PeerSubmission s = batch.get(i);
                Optional<Rejection> rej = verdicts.get(i);
                Optional<Receipt> r = s.signedReceipt().map(SignedReceipt::receipt);
                ins.setString(1, clip(s.measuringLandmarkId(), 64));
                ins.setString(2, clip(s.measuredLandmarkId(), 64));
                ins.setBytes(3, r.map(x -> x.minNonce().toBytes()).orElse(new byte[0]));
                ins.setLong(4, s.rttMinNanos());
                ins.setString(
                        5,
                        clip(
                                r.map(x -> x.samplesNanos().stream()
                                                .map(String::valueOf)
                                                .collect(Collectors.joining(",")))
                                        .orElse(""),
                                2000));
                Sql.setInstant(ins, 6, clamp(r.map(Receipt::measuredAt).orElse(s.measuredAt())));
                ins.setBytes(7, s.signedReceiptBytes().toArray());
                StoredOutcome.bind(ins, 8, now, rej, submitter);
                ins.executeUpdate();
                long id;
                try (ResultSet keys = ins.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                results.add(StoredOutcome.result(id, rej));
                if (rej.isEmpty()) {
                    nonce.setString(1, r.orElseThrow().landmarkId());
                    nonce.setBytes(2, r.orElseThrow().minNonce().toBytes());
                    nonce.setLong(3, id);
                    nonce.executeUpdate();
                }
            }
        }
        return results;
    }

    private static Optional<Rejection> check(
            Connection c, PeerSubmission s, Map<String, Optional<Landmark>> landmarks, Set<String> seen)
            throws SQLException {
        SignedReceipt signed = s.signedReceipt().orElseThrow();
        Receipt r = signed.receipt();
        Landmark measured = null;
        Landmark measuring = null;
        for (String id : List.of(r.landmarkId(), r.deviceSerial())) {
            Optional<Landmark> l = landmarks.get(id);
            if (l == null) {
                l = RegistryService.landmark(c, id);
                landmarks.put(id, l);
            }
            if (l.isEmpty()) {
                return reject(RejectionReason.UNKNOWN_LANDMARK, "landmark " + id + " is not registered");
            }
            if (l.get().status() == RegistryValues.LandmarkStatus.RETIRED) {
                return reject(RejectionReason.LANDMARK_RETIRED, "landmark " + id + " is retired");
            }
            if (id.equals(r.landmarkId())) {
                measured = l.get();
            } else {
                measuring = l.get();
            }
        }
        if (r.landmarkPosition().geodesicDistanceTo(measured.position()).km() > 0.001) {
            return reject(
                    RejectionReason.BAD_SIGNATURE,
                    "receipt's certified position " + r.landmarkPosition() + " of " + measured.id()
                            + " differs from its registered position " + measured.position());
        }
        Optional<String> bad = PeerReceipts.verify(
                signed, measured.publicKey().toArray(), measuring.publicKey().toArray());
        if (bad.isPresent()) {
            return reject(RejectionReason.BAD_SIGNATURE, bad.get());
        }
        String key = r.landmarkId() + "/" + Bytes.of(r.minNonce().toBytes()).toHex();
        if (!seen.add(key)) {
            return reject(RejectionReason.DUPLICATE, "nonce repeats an earlier round trip of this batch");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM landmark_round_trip_nonces WHERE measured_landmark_id = ? AND nonce = ?")) {
            ps.setString(1, r.landmarkId());
            ps.setBytes(2, r.minNonce().toBytes());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return reject(
                            RejectionReason.DUPLICATE,
                            "nonce was already used by an accepted round trip measured by landmark " + r.landmarkId());
                }
            }
        }
        return Optional.empty();
    }
}
