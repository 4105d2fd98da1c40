package dev.locus.server.ingest;

import static dev.locus.server.ingest.StoredOutcome.clamp;
import static dev.locus.server.ingest.StoredOutcome.clip;

import dev.locus.server.Bytes;
import dev.locus.server.auth.Principal;
import dev.locus.server.auth.Role;
import dev.locus.server.identity.ManufacturerTrust;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks and stores receipts in batches. Every submission is accounted for before the caller is
 * answered: accepted receipts are stored, and every rejection is counted with its reason and
 * submitter ({@link RejectionAccounting}), the first few per submitter, reason and hour stored as
 * rows too. Checks, in order: the submitter's binding (authorisation first), decoding, version, round-trip sanity, freshness, landmark, chip, landmark signature, the chip's device
 * certificate and proof ({@link DeviceCheck}), and single use of the nonce (atomic through the
 * {@code receipt_nonces} primary key: concurrent replays lose). Thread-safe.
 */
public final class ReceiptIngestor extends BatchIngestor<Submission, ReceiptIngestor.IngestBatch> {
    private static final Kind RECEIPTS = new Kind("receipts", "receipt batch", Sql::isRetryable);

    private final ReceiptSignatureVerifier verifier;
    private final DeviceCheck devices;
    private final List<IngestListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Told about every stored batch, after commit. */
    public interface IngestListener {
        void ingested(IngestBatch batch);
    }

    /**
     * The latest accepted receipt of a chip.
     *
     * @param rttMinNanos its minimum round trip, in nanoseconds
     */
    public record Sighting(long receiptId, String landmarkId, long rttMinNanos, Instant measuredAt) {}

    /**
     * A committed batch.
     *
     * @param previous for each chip with an accepted receipt in the batch, its latest accepted
     *     receipt before the batch (absent for a chip never seen before)
     * @param windowChanged chips whose shortest round trip from some landmark this batch lowered (or
     *     set for the first time): the only receipts that can shrink a feasible region
     */
    public record IngestBatch(
            List<Submission> submissions,
            List<IngestResult> results,
            Map<String, Sighting> previous,
            Set<String> windowChanged) {
        public IngestBatch {
            submissions = List.copyOf(submissions);
            results = List.copyOf(results);
            previous = Map.copyOf(previous);
            windowChanged = Set.copyOf(windowChanged);
        }
    }

    /** An ingestor that trusts no manufacturer CA: receipts of chips with a device certificate are rejected. */
    public ReceiptIngestor(Database db, ReceiptSignatureVerifier verifier, IngestPolicy policy, InstantSource clock) {
        this(db, verifier, ManufacturerTrust.none(), policy, clock);
    }

    /** An ingestor that accepts chips' device certificates while the CA that signed them is in {@code trust}. */
    public ReceiptIngestor(
            Database db,
            ReceiptSignatureVerifier verifier,
            ManufacturerTrust trust,
            IngestPolicy policy,
            InstantSource clock) {
        super(db, policy, clock, RECEIPTS);
        this.verifier = verifier;
        this.devices = new DeviceCheck(trust);
    }

    public void addListener(IngestListener listener) {
        listeners.add(listener);
    }

    @Override
    protected List<IngestResult> committed(IngestBatch batch) {
        for (IngestListener l : listeners) {
            l.ingested(batch);
        }
        return batch.results();
    }

    @Override
    protected Optional<Rejection> statelessCheck(Submission s, Principal p, IngestPolicy policy, Instant now) {
        // Authorisation first: a bound token's receipt about another landmark or chip (or about
        // none readable) is refused as such, whatever else is wrong with it.
        Receipt r = s.receipt();
        if (p.role() == Role.LANDMARK && !p.boundSubject().orElse("").equals(r.landmarkId())) {
            return reject(
                    RejectionReason.NOT_AUTHORISED,
                    "token is bound to landmark " + p.boundSubject().orElse("?") + ", receipt is from landmark "
                            + r.landmarkId());
        }
        if (p.role() == Role.AGENT && !p.boundSubject().orElse("").equals(r.chipSerial())) {
            return reject(
                    RejectionReason.NOT_AUTHORISED,
                    "token is bound to chip " + p.boundSubject().orElse("?") + ", receipt is about chip "
                            + r.chipSerial());
        }
        if (s.malformed().isPresent()) {
            return reject(RejectionReason.MALFORMED, s.malformed().get());
        }
        Optional<Rejection> version = policy.versionProblem(r.protocolVersion());
        if (version.isPresent()) {
            return version;
        }
        if (r.landmarkId().length() > 64 || r.chipSerial().length() > 64) {
            return reject(RejectionReason.MALFORMED, "landmark_id and chip_serial must be at most 64 characters");
        }
        if (r.nonce().length() < 16 || r.nonce().length() > 64) {
            return reject(
                    RejectionReason.MALFORMED,
                    "nonce must be 16 to 64 bytes, got " + r.nonce().length());
        }
        Optional<Rejection> rtt = policy.roundTripProblem("rtt_min_nanos", r.rttMinNanos());
        if (rtt.isPresent()) {
            return rtt;
        }
        List<Long> samples = r.rttSamplesNanos();
        if (samples.isEmpty() || samples.size() > policy.maxSamples()) {
            return reject(
                    RejectionReason.MALFORMED,
                    "rtt_samples_nanos must hold 1 to " + policy.maxSamples() + " values, got " + samples.size());
        }
        long min = Long.MAX_VALUE;
        for (long v : samples) {
            Optional<Rejection> sample = policy.roundTripProblem("rtt_samples_nanos values", v);
            if (sample.isPresent()) {
                return sample;
            }
            min = Math.min(min, v);
        }
        if (min != r.rttMinNanos()) {
            return reject(
                    RejectionReason.MALFORMED,
                    "rtt_min_nanos must equal the smallest sample " + min + ", got " + r.rttMinNanos());
        }
        return policy.freshnessProblem(r.measuredAt(), now);
    }

    /**
     * Stores the batch; the previous sightings and the chips whose window changed are this attempt's
     * (a concurrent batch may have committed before a retry).
     */
    @Override
    protected IngestBatch store(
            Connection c, List<Submission> batch, List<Optional<Rejection>> early, Principal submitter, Instant now)
            throws SQLException {
        List<Optional<Rejection>> verdicts = new ArrayList<>(early);
        Set<String> landmarkIds = new HashSet<>();
        Set<String> chipSerials = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            if (verdicts.get(i).isEmpty()) {
                landmarkIds.add(batch.get(i).receipt().landmarkId());
                chipSerials.add(batch.get(i).receipt().chipSerial());
            }
        }
        Map<String, Landmark> landmarks = new HashMap<>();
        for (String id : landmarkIds) {
            RegistryService.landmark(c, id).ifPresent(l -> landmarks.put(id, l));
        }
        Map<String, DeviceCheck.RegisteredChip> chips = existingChips(c, chipSerials);
        Set<String> seenNonces = new HashSet<>();
        Set<String> usedNonces = usedNonces(c, batch, verdicts);
        Set<Integer> signed = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            if (verdicts.get(i).isEmpty()) {
                boolean[] verified = {false};
                verdicts.set(i, check(batch.get(i).receipt(), landmarks, chips, seenNonces, usedNonces, verified));
                if (verified[0]) {
                    signed.add(i);
                }
            }
        }
        Set<Integer> sampled = RejectionAccounting.count(c, batch.size(), verdicts, submitter, now);
        List<Long> ids = insertReceipts(c, batch, verdicts, sampled, signed, submitter, now);
        List<IngestResult> results = new ArrayList<>(batch.size());
        Map<String, Integer> latestPerChip = new TreeMap<>();
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO receipt_nonces (landmark_id, nonce, receipt_id) VALUES (?, ?, ?)")) {
            for (int i = 0; i < batch.size(); i++) {
                Optional<Rejection> rej = verdicts.get(i);
                results.add(StoredOutcome.result(ids.get(i), rej));
                if (rej.isPresent()) {
                    continue;
                }
                Receipt r = batch.get(i).receipt();
                ps.setString(1, r.landmarkId());
                ps.setBytes(2, r.nonce().toArray());
                ps.setLong(3, ids.get(i));
                ps.addBatch();
                latestPerChip.merge(
                        r.chipSerial(),
                        i,
                        (a, b) -> batch.get(a)
                                        .receipt()
                                        .measuredAt()
                                        .isAfter(batch.get(b).receipt().measuredAt())
                                ? a
                                : b);
            }
            ps.executeBatch();
        }
        Map<String, Sighting> previous = lastSightings(c, latestPerChip.keySet());
        Set<String> windowChanged = WindowMinima.offer(c, batch, results, now);
        updateActivity(c, batch, ids, latestPerChip);
        return new IngestBatch(batch, results, previous, windowChanged);
    }

    private Optional<Rejection> check(
            Receipt r,
            Map<String, Landmark> landmarks,
            Map<String, DeviceCheck.RegisteredChip> chips,
            Set<String> seenNonces,
            Set<String> usedNonces,
            boolean[] signatureVerified) {
        Landmark landmark = landmarks.get(r.landmarkId());
        if (landmark == null) {
            return reject(RejectionReason.UNKNOWN_LANDMARK, "landmark_id " + r.landmarkId() + " is not registered");
        }
        if (landmark.status() == RegistryValues.LandmarkStatus.RETIRED) {
            return reject(RejectionReason.LANDMARK_RETIRED, "landmark " + r.landmarkId() + " is retired");
        }
        DeviceCheck.RegisteredChip chip = chips.get(r.chipSerial());
        if (chip == null) {
            return reject(RejectionReason.UNKNOWN_CHIP, "chip_serial " + r.chipSerial() + " is not registered");
        }
        Optional<String> bad = verifier.verify(r, landmark);
        if (bad.isPresent()) {
            return reject(RejectionReason.BAD_SIGNATURE, bad.get());
        }
        signatureVerified[0] = true;
        Optional<Rejection> badDevice = devices.check(r, chip, verifier.deviceEvidence(r));
        if (badDevice.isPresent()) {
            return badDevice;
        }
        String nonceKey = r.landmarkId() + "/" + r.nonce().toHex();
        if (!seenNonces.add(nonceKey)) {
            return reject(RejectionReason.DUPLICATE, "nonce repeats an earlier receipt of this batch");
        }
        if (usedNonces.contains(nonceKey)) {
            return reject(
                    RejectionReason.DUPLICATE,
                    "nonce was already used by an accepted receipt of landmark " + r.landmarkId());
        }
        return Optional.empty();
    }

    /**
     * The {@code landmark/nonce-hex} keys among the batch's candidates that accepted receipts already
     * used: one query per landmark and 500 nonces (the primary key's prefix), not one per receipt.
     */
    private static Set<String> usedNonces(Connection c, List<Submission> batch, List<Optional<Rejection>> verdicts)
            throws SQLException {
        Map<String, List<Bytes>> byLandmark = new TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (verdicts.get(i).isEmpty()) {
                Receipt r = batch.get(i).receipt();
                byLandmark
                        .computeIfAbsent(r.landmarkId(), k -> new ArrayList<>())
                        .add(r.nonce());
            }
        }
        Set<String> used = new HashSet<>();
        for (Map.Entry<String, List<Bytes>> e : byLandmark.entrySet()) {
            List<Bytes> nonces = e.getValue();
            for (int from = 0; from < nonces.size(); from += 500) {
                List<Bytes> chunk = nonces.subList(from, Math.min(nonces.size(), from + 500));
                String marks = Sql.placeholders(chunk.size());
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT nonce FROM receipt_nonces WHERE landmark_id = ? AND nonce IN (" + marks + ")")) {
                    ps.setString(1, e.getKey());
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setBytes(i + 2, chunk.get(i).toArray());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            used.add(e.getKey() + "/" + Bytes.of(rs.getBytes(1)).toHex());
                        }
                    }
                }
            }
        }
        return used;
    }

    /** Registered chips among {@code serials}, each with its registered device key and certificate, if any. */
    private static Map<String, DeviceCheck.RegisteredChip> existingChips(Connection c, Set<String> serials)
            throws SQLException {
        Map<String, DeviceCheck.RegisteredChip> out = new HashMap<>();
        List<String> list = new ArrayList<>(serials);
        for (int from = 0; from < list.size(); from += 500) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + 500));
            String marks = Sql.placeholders(chunk.size());
            try (PreparedStatement ps = c.prepareStatement("SELECT serial, device_public_key,"
                    + " device_certificate_sha256, device_certificate_not_before, device_certificate_not_after,"
                    + " device_certificate_ca_sha256 FROM chips WHERE serial IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byte[] key = rs.getBytes("device_public_key");
                        String sha256 = rs.getString("device_certificate_sha256");
                        Optional<DeviceCheck.CertificateFacts> certificate = sha256 == null
                                ? Optional.empty()
                                : Optional.of(new DeviceCheck.CertificateFacts(
                                        sha256,
                                        Sql.getInstant(rs, "device_certificate_not_before"),
                                        Sql.getInstant(rs, "device_certificate_not_after"),
                                        rs.getString("device_certificate_ca_sha256")));
                        out.put(
                                rs.getString("serial"),
                                new DeviceCheck.RegisteredChip(
                                        Optional.ofNullable(key).map(Bytes::of), certificate));
                    }
                }
            }
        }
        return out;
    }

    private static Map<String, Sighting> lastSightings(Connection c, Set<String> serials) throws SQLException {
        Map<String, Sighting> out = new HashMap<>();
        List<String> list = new ArrayList<>(serials);
        for (int from = 0; from < list.size(); from += 500) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + 500));
            String marks = Sql.placeholders(chunk.size());
            try (PreparedStatement ps = c.prepareStatement("SELECT chip_serial, last_receipt_id, last_landmark_id,"
                    + " last_rtt_min_nanos, last_measured_at FROM chip_activity WHERE chip_serial IN (" + marks
                    + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(
                                rs.getString(1),
                                new Sighting(
                                        rs.getLong(2),
                                        rs.getString(3),
                                        rs.getLong(4),
                                        Sql.getInstant(rs, "last_measured_at")));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Stores the accepted receipts and the sampled rejected ones; the others' ids are 0 (counted in
     * {@code receipt_rejections} only). A rejected receipt names its landmark and chip only where
     * something proves them: the landmark's signature verified, or the submitter's token is bound
     * to that landmark or chip. Otherwise both are stored empty and the claim is kept in the
     * detail, so junk naming a landmark or chip never counts against it.
     */
    private static List<Long> insertReceipts(
            Connection c,
            List<Submission> batch,
            List<Optional<Rejection>> verdicts,
            Set<Integer> sampled,
            Set<Integer> signed,
            Principal submitter,
            Instant now)
            throws SQLException {
        List<Integer> stored = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (verdicts.get(i).isEmpty() || sampled.contains(i)) {
                stored.add(i);
            }
        }
        List<Long> ids = new ArrayList<>(java.util.Collections.nCopies(batch.size(), 0L));
        if (stored.isEmpty()) {
            return ids;
        }
        List<Long> keys = new ArrayList<>(stored.size());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO receipts (landmark_id, chip_serial, nonce, rtt_min_nanos, rtt_samples_nanos, measured_at,"
                        + " protocol_version, signature, payload, " + StoredOutcome.COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            for (int i : stored) {
                Receipt r = batch.get(i).receipt();
                Optional<Rejection> rej = verdicts.get(i);
                boolean landmarkProven = rej.isEmpty()
                        || signed.contains(i)
                        || (submitter.role() == Role.LANDMARK
                                && submitter.boundSubject().orElse("").equals(r.landmarkId()));
                boolean chipProven = rej.isEmpty()
                        || signed.contains(i)
                        || (submitter.role() == Role.AGENT
                                && submitter.boundSubject().orElse("").equals(r.chipSerial()));
                if (!landmarkProven || !chipProven) {
                    rej = Optional.of(new Rejection(
                            rej.get().reason(),
                            clip(
                                    "claims landmark '" + clip(r.landmarkId(), 64) + "' and chip '"
                                            + clip(r.chipSerial(), 64) + "', not proven by a signature: "
                                            + rej.get().detail(),
                                    1000)));
                }
                ps.setString(1, landmarkProven ? clip(r.landmarkId(), 64) : "");
                ps.setString(2, chipProven ? clip(r.chipSerial(), 64) : "");
                ps.setBytes(3, r.nonce().toArray());
                ps.setLong(4, r.rttMinNanos());
                ps.setString(
                        5,
                        clip(
                                r.rttSamplesNanos().stream()
                                        .map(String::valueOf)
                                        .collect(Collectors.joining(",")),
                                20000));
                Sql.setInstant(ps, 6, clamp(r.measuredAt()));
                ps.setInt(7, r.protocolVersion());
                ps.setBytes(8, r.signature().toArray());
                ps.setBytes(9, r.signedPayload().toArray());
                StoredOutcome.bind(ps, 10, now, rej, submitter);
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet generated = ps.getGeneratedKeys()) {
                while (generated.next()) {
                    keys.add(generated.getLong(1));
                }
            }
        }
        if (keys.size() != stored.size()) {
            throw new SQLException("expected " + stored.size() + " generated receipt ids, got " + keys.size());
        }
        for (int k = 0; k < stored.size(); k++) {
            ids.set(stored.get(k), keys.get(k));
        }
        return ids;
    }

    private static void updateActivity(
            Connection c, List<Submission> batch, List<Long> ids, Map<String, Integer> latestPerChip)
            throws SQLException {
        if (latestPerChip.isEmpty()) {
            return;
        }
        boolean postgres = Sql.isPostgres(c);
        // PostgreSQL's MERGE fails when two transactions insert the same new row; ON CONFLICT waits.
        String upsert = postgres
                ? "INSERT INTO chip_activity AS a (chip_serial, last_measured_at, last_landmark_id,"
                        + " last_rtt_min_nanos, last_receipt_id) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (chip_serial) DO UPDATE SET last_measured_at = EXCLUDED.last_measured_at,"
                        + " last_landmark_id = EXCLUDED.last_landmark_id,"
                        + " last_rtt_min_nanos = EXCLUDED.last_rtt_min_nanos,"
                        + " last_receipt_id = EXCLUDED.last_receipt_id"
                        + " WHERE EXCLUDED.last_measured_at > a.last_measured_at"
                : "MERGE INTO chip_activity a USING (VALUES (CAST(? AS VARCHAR(64)),"
                        + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(64)), CAST(? AS BIGINT),"
                        + " CAST(? AS BIGINT))) AS v (chip_serial, measured_at, landmark_id, rtt, receipt_id)"
                        + " ON a.chip_serial = v.chip_serial"
                        + " WHEN MATCHED AND v.measured_at > a.last_measured_at THEN UPDATE SET"
                        + " last_measured_at = v.measured_at, last_landmark_id = v.landmark_id,"
                        + " last_rtt_min_nanos = v.rtt, last_receipt_id = v.receipt_id"
                        + " WHEN NOT MATCHED THEN INSERT (chip_serial, last_measured_at, last_landmark_id,"
                        + " last_rtt_min_nanos, last_receipt_id)"
                        + " VALUES (v.chip_serial, v.measured_at, v.landmark_id, v.rtt, v.receipt_id)";
        try (PreparedStatement ps = c.prepareStatement(upsert)) {
            for (Map.Entry<String, Integer> e : latestPerChip.entrySet()) {
                Receipt r = batch.get(e.getValue()).receipt();
                ps.setString(1, e.getKey());
                Sql.setInstant(ps, 2, r.measuredAt());
                ps.setString(3, r.landmarkId());
                ps.setLong(4, r.rttMinNanos());
                ps.setLong(5, ids.get(e.getValue()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
