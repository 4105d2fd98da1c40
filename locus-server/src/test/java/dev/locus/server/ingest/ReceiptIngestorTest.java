package dev.locus.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.server.Bytes;
import dev.locus.server.DevicePki;
import dev.locus.server.EachEngine;
import dev.locus.server.Fixtures;
import dev.locus.server.IssuedReceipts;
import dev.locus.server.auth.Principal;
import dev.locus.server.auth.Role;
import dev.locus.server.identity.ManufacturerTrust;
import dev.locus.server.persistence.Database;
import dev.locus.server.registry.RegistryService;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

class ReceiptIngestorTest {

    private static final InstantSource CLOCK = InstantSource.fixed(Fixtures.NOW);
    private static final Principal LANDMARK = new Principal("tok1", "lm-sg", Role.LANDMARK, Optional.of("lm-sg"));
    private final Random random = new Random(42);

    private Bytes nonce() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Bytes.of(b);
    }

    private static Receipt signed(IssuedReceipts keys, String chip, Instant at) {
        return keys.sign("lm-sg", chip, List.of(2_100_000L, 2_000_000L), at);
    }

    private static ReceiptIngestor ingestor(Database db) {
        return new ReceiptIngestor(db, new ProtocolReceipts(), IngestPolicy.live(), CLOCK);
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

    @EachEngine
    void freshSignedReceipt_isAcceptedAndUpdatesChipActivity(Database db) {
        IssuedReceipts key = new IssuedReceipts(1);
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

    @EachEngine
    void replayedNonce_isRejectedAsDuplicateAndStored(Database db) {
        IssuedReceipts key = new IssuedReceipts(1);
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

    @EachEngine
    void everyCheck_rejectsWithItsOwnReason(Database db) {
        IssuedReceipts key = new IssuedReceipts(1);
        IssuedReceipts other = new IssuedReceipts(2); // another landmark key for lm-sg, another key for GPU-1
        other.landmark("lm-sg", 1.35, 103.82);
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
        key.landmark("lm-xx", 1.0, 103.0);
        Receipt otherLandmark = key.sign("lm-xx", "GPU-1", List.of(5L), Fixtures.NOW);
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

    @EachEngine
    void anyFlippedPayloadByte_failsVerification(Database db) {
        IssuedReceipts key = new IssuedReceipts(1);
        Fixtures.populate(Fixtures.registry(db, CLOCK), key);
        var landmark = Fixtures.registry(db, CLOCK).landmark("lm-sg").orElseThrow();
        Receipt good = signed(key, "GPU-1", Fixtures.NOW);
        ProtocolReceipts v = new ProtocolReceipts();
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

    @EachEngine
    void chipWithoutAnyIdentity_getsNoReceiptAccepted_andAKeyedChipNeedsItsOwnProof(Database db) {
        IssuedReceipts keys = new IssuedReceipts(3);
        RegistryService registry = Fixtures.registry(db, CLOCK);
        Fixtures.populate(registry, keys);
        registry.createChip(
                Map.of("serial", "GPU-BARE", "model", "H100", "licence_id", "LIC-1", "declared_site_id", "sg-1"),
                "test");
        IssuedReceipts impostor = new IssuedReceipts(4); // the same landmark's signature, another device key
        Receipt withImpostorProof =
                keys.sign("lm-sg", "GPU-1", List.of(2_000_000L), Fixtures.NOW, m -> impostor.proof("GPU-1", m));
        List<IngestResult> results = ingestor(db)
                .ingest(
                        List.of(
                                Submission.of(keys.sign("lm-sg", "GPU-BARE", List.of(2_000_000L), Fixtures.NOW)),
                                Submission.of(withImpostorProof),
                                Submission.of(signed(keys, "GPU-1", Fixtures.NOW))),
                        LANDMARK);
        IngestResult.Rejected bare = rejected(results.get(0));
        assertThat(bare.reason()).isEqualTo(RejectionReason.NO_DEVICE_IDENTITY);
        assertThat(bare.detail()).contains("GPU-BARE").contains("without a device certificate or device key");
        IngestResult.Rejected forged = rejected(results.get(1));
        assertThat(forged.reason()).isEqualTo(RejectionReason.BAD_SIGNATURE);
        assertThat(forged.detail()).contains("device proof").contains("GPU-1's registered key");
        assertThat(results.get(2)).isInstanceOf(IngestResult.Accepted.class);
    }

    @EachEngine
    void concurrentReplays_acceptExactlyOnce(Database db) throws Exception {
        IssuedReceipts key = new IssuedReceipts(1);
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

    // ---- chips registered with a device certificate (landmark-issued LOCUS-RECEIPT-V1 receipts) ----

    private static final String MODEL = "NVIDIA H100 80GB HBM3";

    /** The fixture registry trusting {@code cas}, with the landmark of {@code pki} and the chips' certificates. */
    private static RegistryService certified(
            Database db, DevicePki pki, List<CertificateAuthority> cas, Map<String, X509Certificate> chips) {
        RegistryService r = Fixtures.registry(db, CLOCK, trust(cas));
        Fixtures.populate(r, pki.landmarkPublicKey());
        chips.forEach((serial, cert) -> r.createChip(
                Map.of(
                        "serial",
                        serial,
                        "model",
                        MODEL,
                        "licence_id",
                        "LIC-1",
                        "declared_site_id",
                        "sg-1",
                        "device_certificate",
                        Certificates.toPem(cert)),
                "test"));
        return r;
    }

    private static ManufacturerTrust trust(List<CertificateAuthority> cas) {
        return ManufacturerTrust.of(
                cas.stream().map(CertificateAuthority::certificate).toList());
    }

    private static ReceiptIngestor ingestor(Database db, List<CertificateAuthority> cas, InstantSource clock) {
        return new ReceiptIngestor(db, new ProtocolReceipts(), trust(cas), IngestPolicy.live(), clock);
    }

    private static IngestResult.Rejected rejected(IngestResult r) {
        assertThat(r).isInstanceOf(IngestResult.Rejected.class);
        return (IngestResult.Rejected) r;
    }

    @EachEngine
    void certifiedChip_receiptNamingItsCertificate_withItsProof_isAccepted(Database db) {
        DevicePki pki = new DevicePki(31);
        Pkcs12DeviceKey device = pki.device("GPU-2", MODEL);
        certified(db, pki, List.of(pki.ca), Map.of("GPU-2", device.identity().certificate()));
        List<IngestResult> results = ingestor(db, List.of(pki.ca), CLOCK)
                .ingest(
                        List.of(
                                Submission.of(pki.receipt(device, Fixtures.NOW.minusSeconds(1))),
                                Submission.of(pki.receipt(pki.device("GPU-1", "H100"), Fixtures.NOW))),
                        LANDMARK);
        assertThat(results.get(0)).isInstanceOf(IngestResult.Accepted.class);
        // GPU-1 has no certificate or key registered: nothing can show the chip answered
        assertThat(rejected(results.get(1)).reason()).isEqualTo(RejectionReason.NO_DEVICE_IDENTITY);
    }

    @EachEngine
    void receiptNamingAnotherCertificate_orProvenByAnotherKey_orWithoutDeviceProof_isRejected(Database db) {
        DevicePki pki = new DevicePki(32);
        Pkcs12DeviceKey device = pki.device("GPU-2", MODEL);
        // a second certificate for the same serial and model, e.g. a key copied onto other hardware and certified
        Pkcs12DeviceKey other = pki.device("GPU-2", MODEL);
        certified(db, pki, List.of(pki.ca), Map.of("GPU-2", device.identity().certificate()));
        Instant at = Fixtures.NOW.minusSeconds(1);
        Receipt namesOther = pki.receipt(other, at);
        Receipt provenByOther = ProtocolReceipts.toReceipt(pki.signedReceipt(
                "GPU-2", MODEL, device.identity().fingerprint(), other::sign, List.of(2_000_000L), at));
        // the control plane's former LCR1 encoding, signed by the right landmark: no device proof
        Bytes payload = Bytes.of("LCR1 no device proof".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Receipt lcr1 = new Receipt(
                "lm-sg",
                "GPU-2",
                nonce(),
                2_000_000L,
                List.of(2_000_000L),
                at,
                1,
                Bytes.of(pki.landmark.sign(payload.toArray())),
                payload);
        List<IngestResult> results = ingestor(db, List.of(pki.ca), CLOCK)
                .ingest(
                        List.of(namesOther, provenByOther, lcr1).stream()
                                .map(Submission::of)
                                .toList(),
                        LANDMARK);
        IngestResult.Rejected first = rejected(results.get(0));
        assertThat(first.reason()).isEqualTo(RejectionReason.DEVICE_CERTIFICATE);
        assertThat(first.detail())
                .isEqualTo("receipt names device certificate "
                        + other.identity().fingerprint().toHex()
                        + ", not chip GPU-2's registered certificate "
                        + device.identity().fingerprint().toHex());
        IngestResult.Rejected second = rejected(results.get(1));
        assertThat(second.reason()).isEqualTo(RejectionReason.BAD_SIGNATURE);
        assertThat(second.detail()).contains("device proof").contains("GPU-2's registered key");
        IngestResult.Rejected third = rejected(results.get(2));
        assertThat(third.reason()).isEqualTo(RejectionReason.BAD_SIGNATURE);
        assertThat(third.detail()).contains("not a LOCUS-RECEIPT-V1 receipt");
        assertThat(count(db, "REJECTED")).isEqualTo(3);
    }

    @EachEngine
    void certificateExpired_orNotYetValid_atMeasurement_isRejectedWithItsReason(Database db) {
        DevicePki pki = new DevicePki(33);
        Pkcs12DeviceKey expiring = pki.device(pki.ca, "GPU-2", MODEL, Duration.ofHours(1));
        CertificateAuthority later = pki.ca("Later CA", Fixtures.NOW.plus(Duration.ofHours(1)));
        Pkcs12DeviceKey early = pki.device(later, "GPU-3", MODEL, Duration.ofDays(30));
        List<CertificateAuthority> cas = List.of(pki.ca, later);
        certified(
                db,
                pki,
                cas,
                Map.of(
                        "GPU-2", expiring.identity().certificate(),
                        "GPU-3", early.identity().certificate()));
        Instant twoHoursOn = Fixtures.NOW.plus(Duration.ofHours(2));
        IngestResult.Rejected expired = rejected(ingestor(db, cas, InstantSource.fixed(twoHoursOn))
                .ingest(List.of(Submission.of(pki.receipt(expiring, twoHoursOn.minusSeconds(1)))), LANDMARK)
                .get(0));
        assertThat(expired.reason()).isEqualTo(RejectionReason.DEVICE_CERTIFICATE);
        assertThat(expired.detail())
                .isEqualTo("chip GPU-2's device certificate expired at " + Fixtures.NOW.plus(Duration.ofHours(1))
                        + "; measured_at is " + twoHoursOn.minusSeconds(1));
        IngestResult.Rejected notYet = rejected(ingestor(db, cas, CLOCK)
                .ingest(List.of(Submission.of(pki.receipt(early, Fixtures.NOW.minusSeconds(1)))), LANDMARK)
                .get(0));
        assertThat(notYet.reason()).isEqualTo(RejectionReason.DEVICE_CERTIFICATE);
        assertThat(notYet.detail())
                .isEqualTo("chip GPU-3's device certificate is not valid before "
                        + Fixtures.NOW.plus(Duration.ofHours(1)).minusSeconds(60) + "; measured_at is "
                        + Fixtures.NOW.minusSeconds(1));
        // within its validity the same certificate is accepted
        assertThat(ingestor(db, cas, CLOCK)
                        .ingest(List.of(Submission.of(pki.receipt(expiring, Fixtures.NOW))), LANDMARK))
                .singleElement()
                .isInstanceOf(IngestResult.Accepted.class);
    }

    @EachEngine
    void caNoLongerTrusted_rejectsTheReceiptsOfTheChipsItCertified(Database db) {
        DevicePki pki = new DevicePki(34);
        Pkcs12DeviceKey device = pki.device("GPU-2", MODEL);
        CertificateAuthority successor = pki.ca("Successor CA", Fixtures.NOW);
        certified(db, pki, List.of(pki.ca), Map.of("GPU-2", device.identity().certificate()));
        IngestResult.Rejected r = rejected(ingestor(db, List.of(successor), CLOCK)
                .ingest(List.of(Submission.of(pki.receipt(device, Fixtures.NOW))), LANDMARK)
                .get(0));
        assertThat(r.reason()).isEqualTo(RejectionReason.DEVICE_CERTIFICATE);
        assertThat(r.detail())
                .isEqualTo("chip GPU-2's device certificate was issued by the CA certificate "
                        + Certificates.fingerprint(pki.ca.certificate()).toHex()
                        + ", which is no longer a trusted manufacturer CA");
    }

    @EachEngine
    void ecdsaCertifiedChip_fromAPkcs11Token_isCheckedWithItsCertificatesKey(Database db) throws Exception {
        DevicePki pki = new DevicePki(35);
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair token = g.generateKeyPair();
        KeyPair stranger = g.generateKeyPair();
        X509Certificate cert = pki.ca.certifyDevice(
                "GPU-2",
                MODEL,
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                        token.getPublic().getEncoded()),
                Duration.ofDays(30));
        certified(db, pki, List.of(pki.ca), Map.of("GPU-2", cert));
        List<IngestResult> results = ingestor(db, List.of(pki.ca), CLOCK)
                .ingest(
                        List.of(token, stranger).stream()
                                .map(k -> Submission.of(ProtocolReceipts.toReceipt(pki.signedReceipt(
                                        "GPU-2",
                                        MODEL,
                                        Certificates.fingerprint(cert),
                                        m -> ecdsa(k, m),
                                        List.of(2_000_000L),
                                        Fixtures.NOW))))
                                .toList(),
                        LANDMARK);
        assertThat(results.get(0)).isInstanceOf(IngestResult.Accepted.class);
        assertThat(rejected(results.get(1)).reason()).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    private static byte[] ecdsa(KeyPair key, byte[] message) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(key.getPrivate());
            s.update(message);
            return s.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
