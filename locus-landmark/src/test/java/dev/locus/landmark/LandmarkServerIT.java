package dev.locus.landmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.protocol.identity.SoftHsm;
import dev.locus.protocol.receipt.Receipt;
import dev.locus.protocol.receipt.ReceiptRecord;
import dev.locus.protocol.receipt.ReceiptVerifier;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.Message;
import dev.locus.protocol.wire.MessageCodec;
import dev.locus.protocol.wire.ProtocolVersion;
import dev.locus.protocol.wire.RejectReason;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The landmark over real UDP sockets on loopback, against honest and misbehaving devices. */
class LandmarkServerIT {
    private final TestPki pki = new TestPki(42);
    private final LinkedBlockingQueue<Rejection> rejections = new LinkedBlockingQueue<>();
    private final List<Pkcs12DeviceKey> keys = new ArrayList<>();
    private LandmarkServer server;

    private LandmarkServer start(LandmarkConfig.Builder b) throws IOException {
        server = LandmarkServer.start(
                b.rejections(rejections::add).random(TestPki.seeded(7)).build());
        return server;
    }

    private LandmarkConfig.Builder config(Set<String> revoked) {
        return LandmarkConfig.builder(pki.landmark, pki.verifier(revoked));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        keys.forEach(Pkcs12DeviceKey::close);
    }

    /** A device with a fresh key for {@code serial} (closed after the test), its session seeded by {@code seed}. */
    private RawDevice device(LandmarkServer s, String serial, long seed) throws IOException {
        Pkcs12DeviceKey key = pki.device(serial);
        keys.add(key);
        return new RawDevice(s.localAddress(), key, seed);
    }

    private Rejection nextRejection() throws InterruptedException {
        Rejection r = rejections.poll(2, TimeUnit.SECONDS);
        assertThat(r).as("a rejection within 2 s").isNotNull();
        return r;
    }

    /** Answers the session's last challenge and expects the receipt on the NEXT. */
    private static void finishWithReceipt(RawDevice d, Message.Challenge last) throws IOException {
        d.send(d.answer(last));
        d.next();
        assertThat(d.expect(Message.ReceiptMessage.class).sessionId()).isEqualTo(d.session);
    }

    private Message.ReceiptMessage runHonestSession(RawDevice d, int rounds) throws IOException {
        d.hello(rounds);
        for (int i = 0; i < rounds; i++) {
            Message.Challenge c = d.expect(Message.Challenge.class);
            assertThat(c.round()).isEqualTo(i);
            assertThat(c.landmarkId()).isEqualTo("sg1");
            d.send(d.answer(c));
        }
        d.next(); // the receipt is larger than the last RESPONSE: asked for with a padded NEXT
        return d.expect(Message.ReceiptMessage.class);
    }

    @Test
    void honestDevice_getsReceiptThatAnyoneWithTheCaCanVerify() throws Exception {
        LandmarkServer s = start(config(Set.of()));
        try (RawDevice d = device(s, "1650923000001", 1)) {
            Message.ReceiptMessage m = runHonestSession(d, 5);
            SignedReceipt signed = ((Decoded.Accepted<SignedReceipt>)
                            SignedReceipt.decode(m.signedReceipt().toArray()))
                    .value();
            Receipt r = signed.receipt();
            assertThat(r.deviceSerial()).isEqualTo("1650923000001");
            assertThat(r.landmarkId()).isEqualTo("sg1");
            assertThat(r.landmarkPosition()).isEqualTo(pki.landmark.identity().position());
            assertThat(r.samplesNanos())
                    .hasSize(5)
                    .allSatisfy(ns -> assertThat(ns).isPositive());
            assertThat(r.minRttNanos())
                    .isEqualTo(r.samplesNanos().stream()
                            .mapToLong(Long::longValue)
                            .min()
                            .orElseThrow());
            assertThat(r.minRttNanos()).as("loopback round trip under 1 s").isLessThan(1_000_000_000L);
            ReceiptRecord rec = new ReceiptRecord(
                    signed,
                    Certificates.parse(m.landmarkCertificateDer().toArray()),
                    d.key.identity().certificate());
            assertThat(new ReceiptVerifier(pki.verifier(Set.of())).verify(rec)).isInstanceOf(Decoded.Accepted.class);
            assertThat(s.stats().roundsVerified()).isEqualTo(5);
            assertThat(s.stats().receiptsIssued()).isEqualTo(1);
            assertThat(rejections).isEmpty();
        }
    }

    @Test
    void replayedResponse_isRejectedAsReplayed() throws Exception {
        LandmarkServer s = start(config(Set.of()));
        try (RawDevice d = device(s, "SN-REPLAY", 2)) {
            Message.Challenge c = d.open(2);
            Message.Response answer = d.answer(c);
            d.send(answer);
            d.expect(Message.Challenge.class);
            d.send(answer); // the same signed answer again
            Rejection r = nextRejection();
            assertThat(r.reason()).isEqualTo(RejectReason.REPLAYED_NONCE);
            assertThat(r.sessionId()).contains(d.session);
            assertThat(s.stats().roundsTimed()).isEqualTo(1);
        }
    }

    @Test
    void forgedSignature_endsTheSessionWithBadSignature() throws Exception {
        LandmarkServer s = start(config(Set.of()));
        try (RawDevice d = device(s, "SN-VICTIM", 3);
                Pkcs12DeviceKey forger = pki.device("SN-FORGER")) {
            Message.Challenge c = d.open(3);
            Message.Response honest = d.answer(c);
            Message.Response forged = d.answer(c, forger);
            d.send(forged);
            Message m = d.receive().orElseThrow();
            while (m instanceof Message.Challenge next) { // the later rounds are answered honestly
                d.send(d.answer(next));
                if (next.round() == 2) {
                    d.next();
                }
                m = d.receive().orElseThrow();
            }
            assertThat(m).isInstanceOf(Message.Reject.class);
            assertThat(((Message.Reject) m).reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
            assertThat(nextRejection().reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
            assertThat(s.stats().receiptsIssued()).isZero();
            assertThat(honest.signature()).isNotEqualTo(forged.signature());
        }
    }

    @Test
    void answerNamingAnotherLandmark_isRejectedAsWrongLandmark() throws Exception {
        LandmarkServer s = start(config(Set.of()));
        try (RawDevice d = device(s, "SN-WRONG", 4)) {
            Message.Challenge c = d.open(1);
            Message.Challenge elsewhere = new Message.Challenge(c.sessionId(), c.round(), c.nonce(), "hk1");
            d.send(d.answer(elsewhere));
            Rejection r = nextRejection();
            assertThat(r.reason()).isEqualTo(RejectReason.WRONG_LANDMARK);
            assertThat(r.detail()).contains("hk1").contains("sg1");
        }
    }

    @Test
    void deviceFromAnotherCa_isUnknown_andRevokedDevice_isRevoked() throws Exception {
        LandmarkServer s = start(config(Set.of("SN-REVOKED")));
        TestPki other = new TestPki(99);
        try (Pkcs12DeviceKey stranger = other.device("SN-STRANGER");
                Pkcs12DeviceKey revoked = pki.device("SN-REVOKED");
                RawDevice d1 = new RawDevice(s.localAddress(), stranger, 5);
                RawDevice d2 = new RawDevice(s.localAddress(), revoked, 6)) {
            d1.hello(1);
            assertThat(d1.expect(Message.Reject.class).reason()).isEqualTo(RejectReason.UNKNOWN_DEVICE);
            d2.hello(1);
            assertThat(d2.expect(Message.Reject.class).reason()).isEqualTo(RejectReason.REVOKED_DEVICE);
            assertThat(s.stats().rejections())
                    .containsEntry(RejectReason.UNKNOWN_DEVICE, 1L)
                    .containsEntry(RejectReason.REVOKED_DEVICE, 1L);
        }
    }

    @Test
    void truncatedOversizedAndMalformedDatagrams_areRecorded_andServerKeepsServing() throws Exception {
        LandmarkServer s = start(config(Set.of()));
        try (RawDevice d = device(s, "SN-FUZZ", 7)) {
            byte[] valid = MessageCodec.encode(new Message.Next(d.session, 0));
            d.sendRaw(new byte[] {0x4C}); // truncated header
            assertThat(nextRejection().reason()).isEqualTo(RejectReason.TRUNCATED);
            d.sendRaw(Arrays.copyOf(valid, valid.length - 3)); // truncated body
            assertThat(nextRejection().reason()).isEqualTo(RejectReason.TRUNCATED);
            d.sendRaw(new byte[ProtocolVersion.MAX_DATAGRAM_BYTES + 1]);
            assertThat(nextRejection().reason()).isEqualTo(RejectReason.OVERSIZED);
            byte[] badMagic = valid.clone();
            badMagic[0] = 'X';
            d.sendRaw(badMagic);
            assertThat(nextRejection().reason()).isEqualTo(RejectReason.BAD_MAGIC);
            byte[] badVersion = valid.clone();
            badVersion[2] = 9;
            d.sendRaw(badVersion);
            assertThat(nextRejection().reason()).isEqualTo(RejectReason.UNSUPPORTED_VERSION);
            byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
            d.sendRaw(trailing);
            assertThat(nextRejection().reason()).isEqualTo(RejectReason.MALFORMED);
            // a landmark-to-agent message sent to the landmark
            d.send(new Message.Reject(d.session, RejectReason.MALFORMED, "x"));
            assertThat(nextRejection().reason()).isEqualTo(RejectReason.UNEXPECTED_MESSAGE);

            Message.ReceiptMessage receipt = runHonestSession(d, 2);
            assertThat(receipt.sessionId()).isEqualTo(d.session);
        }
    }

    @Test
    void lateAnswer_isRejectedAsExpired_andNextGivesAFreshChallenge() throws Exception {
        java.util.concurrent.atomic.AtomicLong offset = new java.util.concurrent.atomic.AtomicLong();
        LandmarkServer s = start(config(Set.of())
                .nonceLifetime(Duration.ofMillis(100))
                .nanoClock(() -> System.nanoTime() + offset.get()));
        try (RawDevice d = device(s, "SN-SLOW", 8)) {
            Message.Challenge c = d.open(1);
            offset.addAndGet(TimeUnit.MILLISECONDS.toNanos(150)); // the landmark's clock: 150 ms later
            d.send(d.answer(c));
            assertThat(nextRejection().reason()).isEqualTo(RejectReason.EXPIRED_NONCE);
            d.next();
            Message.Challenge fresh = d.expect(Message.Challenge.class);
            assertThat(fresh.nonce()).isNotEqualTo(c.nonce());
            assertThat(fresh.round()).isZero();
            finishWithReceipt(d, fresh);
        }
    }

    @Test
    void answerFromAnotherAddress_isRejected_andDoesNotSpendTheNonce() throws Exception {
        LandmarkServer s = start(config(Set.of()));
        try (RawDevice d = device(s, "SN-ADDR", 9);
                RawDevice elsewhere = new RawDevice(s.localAddress(), d.key, 9)) {
            Message.Challenge c = d.open(1);
            elsewhere.send(d.answer(c));
            assertThat(nextRejection().reason()).isEqualTo(RejectReason.ADDRESS_MISMATCH);
            finishWithReceipt(d, c);
        }
    }

    @Test
    void floodFromOneSource_isRateLimited() throws Exception {
        // 1 a second after a burst of 20: the flood outruns the refill however slowly a loaded machine reads it
        LandmarkServer s = start(config(Set.of()).rateLimit(1, 20));
        try (RawDevice d = device(s, "SN-FLOOD", 10)) {
            for (int i = 0; i < 300; i++) {
                d.sendRaw(new byte[] {1, 2, 3});
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (s.stats().datagrams() < 300 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(s.stats().datagrams()).isEqualTo(300);
            // 20 burst plus what refilled at 1/s during the flood; the rest was refused unparsed
            assertThat(s.stats().rejected(RejectReason.RATE_LIMITED)).isGreaterThan(200);
            assertThat(s.stats().rejected(RejectReason.TRUNCATED)).isLessThan(100);
        }
    }

    @Test
    void receiptIsResentOnNext_afterItWasLost() throws Exception {
        LandmarkServer s = start(config(Set.of()));
        try (RawDevice d = device(s, "SN-LOST", 11)) {
            Message.ReceiptMessage first = runHonestSession(d, 1);
            d.next();
            assertThat(d.expect(Message.ReceiptMessage.class)).isEqualTo(first);
            assertThat(s.stats().receiptsIssued()).isEqualTo(1);
        }
    }

    @Test
    void unknownNonce_isRejected() throws Exception {
        LandmarkServer s = start(config(Set.of()));
        try (RawDevice d = device(s, "SN-GUESS", 12)) {
            Message.Challenge c = d.open(1);
            Message.Challenge guessed = new Message.Challenge(
                    c.sessionId(), 0, dev.locus.protocol.wire.Nonce.random(TestPki.seeded(3)), "sg1");
            d.send(d.answer(guessed));
            assertThat(nextRejection().reason()).isEqualTo(RejectReason.UNKNOWN_NONCE);
        }
    }

    @Test
    void deviceKeyInsideAPkcs11Token_measuresLikeASoftwareKey() throws Exception {
        long slot = SoftHsm.freshToken("landmark-it");
        LandmarkServer s = start(config(Set.of()));
        try (dev.locus.protocol.identity.Pkcs11Token token =
                        dev.locus.protocol.identity.Pkcs11Token.open(SoftHsm.LIBRARY, slot, SoftHsm.PIN.toCharArray());
                dev.locus.protocol.identity.Pkcs11DeviceKey key = dev.locus.protocol.identity.Pkcs11DeviceKey.generate(
                        token, "gpu0", pki.ca, "SN-HSM", "NVIDIA H100 80GB HBM3", Duration.ofDays(1));
                RawDevice d = new RawDevice(s.localAddress(), key, 13)) {
            assertThat(key.isExtractable()).isFalse();
            Message.ReceiptMessage m = runHonestSession(d, 3);
            SignedReceipt signed = ((Decoded.Accepted<SignedReceipt>)
                            SignedReceipt.decode(m.signedReceipt().toArray()))
                    .value();
            ReceiptRecord rec = new ReceiptRecord(
                    signed,
                    Certificates.parse(m.landmarkCertificateDer().toArray()),
                    key.identity().certificate());
            assertThat(new ReceiptVerifier(pki.verifier(Set.of())).verify(rec)).isInstanceOf(Decoded.Accepted.class);
            assertThat(signed.receipt().deviceSerial()).isEqualTo("SN-HSM");
        }
    }

    @Test
    void lostFirstChallenge_isRecoveredByRetransmittedHello() throws Exception {
        LandmarkServer s = start(config(Set.of()));
        try (RawDevice d = device(s, "SN-LOSSY", 14)) {
            Message.Challenge lost = d.open(1); // pretend it never arrived
            Message.Challenge fresh = d.open(1);
            assertThat(fresh.nonce()).isNotEqualTo(lost.nonce());
            d.send(d.answer(lost));
            assertThat(nextRejection().reason()).isEqualTo(RejectReason.REPLAYED_NONCE); // withdrawn
            finishWithReceipt(d, fresh);
        }
    }

    @Test
    void thousandsOfRandomAndMutatedDatagrams_areAllCountedAndRefused_andServingContinues() throws Exception {
        LandmarkServer s = start(config(Set.of()).rateLimit(1_000_000, 100_000));
        java.util.Random random = new java.util.Random(2026);
        try (RawDevice d = device(s, "SN-NOISE", 15)) {
            byte[] hello = MessageCodec.encode(Message.Hello.padded(
                    new dev.locus.protocol.wire.SessionId(1, 2),
                    1,
                    Certificates.der(d.key.identity().certificate()),
                    new byte[0]));
            int sent = 0;
            for (int i = 0; i < 3000; i++) {
                byte[] b;
                if (i % 2 == 0) {
                    b = new byte[random.nextInt(ProtocolVersion.MAX_DATAGRAM_BYTES + 100)];
                    random.nextBytes(b);
                } else {
                    b = hello.clone(); // a valid HELLO with one to four bytes changed
                    for (int k = 1 + random.nextInt(4); k > 0; k--) {
                        b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
                    }
                }
                d.sendRaw(b);
                sent++;
                // stay within the socket buffers (counted, not dropped by the kernel): wait for the
                // landmark to catch up rather than for a time
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (sent - s.stats().datagrams() > 200 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (s.stats().datagrams() < sent && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(s.stats().datagrams()).isEqualTo(sent);
            assertThat(s.stats().receiptsIssued()).isZero();
            long refused = s.stats().rejections().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            assertThat(refused)
                    .as("random datagrams are refused, each with a reason")
                    .isGreaterThanOrEqualTo(1500);
        }
        // the landmark still serves an honest device (from a fresh socket: the noisy one holds REJECTs)
        try (RawDevice d = device(s, "SN-AFTER-NOISE", 16)) {
            Message.ReceiptMessage m = runHonestSession(d, 2);
            assertThat(m.sessionId()).isEqualTo(d.session);
        }
    }
}
