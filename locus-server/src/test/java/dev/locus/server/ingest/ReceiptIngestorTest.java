package dev.locus.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.Bytes;
import dev.locus.server.Fixtures;
import dev.locus.server.TestDatabases;
import dev.locus.server.auth.Principal;
import dev.locus.server.auth.Role;
import dev.locus.server.persistence.Database;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReceiptIngestorTest {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static final InstantSource CLOCK = InstantSource.fixed(Fixtures.NOW);
    private static final Principal LANDMARK = new Principal("tok1", "lm-sg", Role.LANDMARK, Optional.of("lm-sg"));
    private final Random random = new Random(42);

    private Bytes nonce() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Bytes.of(b);
    }

    private Receipt signed(KeyPair key, String chip, Instant at) {
        return ReceiptPayloadV1.sign("lm-sg", chip, nonce(), List.of(2_100_000L, 2_000_000L), at, key.getPrivate());
    }

    private static ReceiptIngestor ingestor(Database db) {
        return new ReceiptIngestor(db, new Ed25519ReceiptVerifier(), IngestPolicy.live(), CLOCK);
    }

    private static long count(Database db, String status) {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM receipts WHERE status = ?")) {
                ps.setString(1, status);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("engines")
    void freshSignedReceipt_isAcceptedAndUpdatesChipActivity(String engine) {
        KeyPair key = Fixtures.ed25519();
        try (Database db = TestDatabases.fresh(engine)) {
            Fixtures.populate(Fixtures.registry(db, CLOCK), key);
            Receipt r = signed(key, "GPU-1", Fixtures.NOW.minusSeconds(5));
            List<IngestResult> results = ingestor(db).ingest(List.of(Submission.of(r)), LANDMARK);
            assertThat(results).singleElement().isInstanceOf(IngestResult.Accepted.class);
            Instant last = db.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT last_measured_at FROM chip_activity")) {
                    rs.next();
                    return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
                }
            });
            assertThat(last).isEqualTo(r.measuredAt());
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void replayedNonce_isRejectedAsDuplicateAndStored(String engine) {
        KeyPair key = Fixtures.ed25519();
        try (Database db = TestDatabases.fresh(engine)) {
            Fixtures.populate(Fixtures.registry(db, CLOCK), key);
            Receipt r = signed(key, "GPU-1", Fixtures.NOW.minusSeconds(5));
            ReceiptIngestor ingestor = ingestor(db);
            ingestor.ingest(List.of(Submission.of(r)), LANDMARK);
            List<IngestResult> again = ingestor.ingest(List.of(Submission.of(r), Submission.of(r)), LANDMARK);
            assertThat(again)
                    .allSatisfy(x -> assertThat(x)
                            .isInstanceOfSatisfying(
                                    IngestResult.Rejected.class,
                                    rej -> assertThat(rej.reason()).isEqualTo(RejectionReason.DUPLICATE)));
            assertThat(count(db, "ACCEPTED")).isEqualTo(1);
            assertThat(count(db, "REJECTED")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void everyCheck_rejectsWithItsOwnReason(String engine) {
        KeyPair key = Fixtures.ed25519();
        KeyPair other = Fixtures.ed25519();
        try (Database db = TestDatabases.fresh(engine)) {
            Fixtures.populate(Fixtures.registry(db, CLOCK), key);
            Receipt good = signed(key, "GPU-1", Fixtures.NOW.minusSeconds(1));
            Receipt forged = signed(other, "GPU-1", Fixtures.NOW.minusSeconds(1));
            Receipt tampered = new Receipt(
                    good.landmarkId(),
                    good.chipSerial(),
                    good.nonce(),
                    1_000_000L,
                    List.of(1_000_000L),
                    good.measuredAt(),
                    1,
                    good.signature(),
                    good.signedPayload());
            Receipt stale = signed(key, "GPU-1", Fixtures.NOW.minus(Duration.ofHours(1)));
            Receipt future = signed(key, "GPU-1", Fixtures.NOW.plus(Duration.ofMinutes(5)));
            Receipt unknownChip = signed(key, "GPU-404", Fixtures.NOW.minusSeconds(1));
            Receipt otherLandmark =
                    ReceiptPayloadV1.sign("lm-xx", "GPU-1", nonce(), List.of(5L), Fixtures.NOW, key.getPrivate());
            List<IngestResult> results = ingestor(db)
                    .ingest(
                            List.of(forged, tampered, stale, future, unknownChip, otherLandmark).stream()
                                    .map(Submission::of)
                                    .toList(),
                            LANDMARK);
            assertThat(results)
                    .extracting(r -> ((IngestResult.Rejected) r).reason())
                    .containsExactly(
                            RejectionReason.BAD_SIGNATURE,
                            RejectionReason.BAD_SIGNATURE,
                            RejectionReason.STALE,
                            RejectionReason.FROM_FUTURE,
                            RejectionReason.UNKNOWN_CHIP,
                            RejectionReason.NOT_AUTHORISED);
            assertThat(count(db, "REJECTED")).isEqualTo(6);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anyFlippedPayloadByte_failsVerification(String engine) {
        KeyPair key = Fixtures.ed25519();
        try (Database db = TestDatabases.fresh(engine)) {
            Fixtures.populate(Fixtures.registry(db, CLOCK), key);
            var landmark = Fixtures.registry(db, CLOCK).landmark("lm-sg").orElseThrow();
            Receipt good = signed(key, "GPU-1", Fixtures.NOW);
            Ed25519ReceiptVerifier v = new Ed25519ReceiptVerifier();
            assertThat(v.verify(good, landmark)).isEmpty();
            byte[] sig = good.signature().toArray();
            for (int i = 0; i < sig.length; i++) {
                byte[] flipped = sig.clone();
                flipped[i] ^= 1;
                Receipt bad = new Receipt(
                        good.landmarkId(),
                        good.chipSerial(),
                        good.nonce(),
                        good.rttMinNanos(),
                        good.rttSamplesNanos(),
                        good.measuredAt(),
                        1,
                        Bytes.of(flipped),
                        good.signedPayload());
                assertThat(v.verify(bad, landmark))
                        .as("flipped signature byte %d", i)
                        .isPresent();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void receiptSignedByTheJdkProvider_verifies(String engine) throws Exception {
        KeyPair key = Fixtures.ed25519();
        try (Database db = TestDatabases.fresh(engine)) {
            Fixtures.populate(Fixtures.registry(db, CLOCK), key);
            var landmark = Fixtures.registry(db, CLOCK).landmark("lm-sg").orElseThrow();
            Bytes nonce = nonce();
            Bytes payload = ReceiptPayloadV1.encode("lm-sg", "GPU-1", nonce, 7L, List.of(7L), Fixtures.NOW);
            java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
            jdk.initSign(key.getPrivate());
            jdk.update(payload.toArray());
            Receipt r = new Receipt(
                    "lm-sg", "GPU-1", nonce, 7L, List.of(7L), Fixtures.NOW, 1, Bytes.of(jdk.sign()), payload);
            assertThat(new Ed25519ReceiptVerifier().verify(r, landmark)).isEmpty();
            assertThat(signed(key, "GPU-1", Fixtures.NOW).signature().length()).isEqualTo(64);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void concurrentReplays_acceptExactlyOnce(String engine) throws Exception {
        KeyPair key = Fixtures.ed25519();
        try (Database db = TestDatabases.fresh(engine)) {
            Fixtures.populate(Fixtures.registry(db, CLOCK), key);
            Receipt r = signed(key, "GPU-1", Fixtures.NOW.minusSeconds(1));
            ReceiptIngestor ingestor = ingestor(db);
            int threads = 8;
            var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<IngestResult>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return ingestor.ingest(List.of(Submission.of(r)), LANDMARK).get(0);
                }));
            }
            start.countDown();
            int accepted = 0;
            for (var f : futures) {
                if (f.get() instanceof IngestResult.Accepted) {
                    accepted++;
                }
            }
            pool.shutdown();
            assertThat(accepted).isEqualTo(1);
            assertThat(count(db, "ACCEPTED")).isEqualTo(1);
            assertThat(count(db, "REJECTED")).isEqualTo(threads - 1);
        }
    }
}
