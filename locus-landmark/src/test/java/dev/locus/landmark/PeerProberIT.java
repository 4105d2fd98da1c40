package dev.locus.landmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.receipt.PeerReceipts;
import dev.locus.protocol.receipt.Receipt;
import dev.locus.protocol.wire.RejectReason;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Landmarks measuring each other over real UDP sockets on loopback (both registered in Singapore). */
class PeerProberIT {
    private final TestPki pki = new TestPki(43);
    /** A second landmark 9 km from the first: loopback round trips are physically possible. */
    private final LandmarkKey peerKey = LandmarkKey.generate(
            pki.ca, "sg2", "Singapore East", GeoPosition.ofDegrees(1.35, 103.83), Duration.ofDays(30), pki.random);

    private final LinkedBlockingQueue<Rejection> rejections = new LinkedBlockingQueue<>();
    private LandmarkServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private LandmarkServer startPeer(boolean acceptPeers) throws IOException {
        server = LandmarkServer.start(LandmarkConfig.builder(peerKey, pki.verifier(Set.of()))
                .acceptPeers(acceptPeers)
                .rejections(rejections::add)
                .build());
        return server;
    }

    private PeerProber prober(LandmarkKey key) {
        return new PeerProber(key, pki.verifier(Set.of()), Duration.ofMillis(500), 3, TestPki.seeded(9));
    }

    private static byte[] rawKey(LandmarkKey k) {
        return Ed25519Keys.rawPublicKey(k.identity().certificate().getPublicKey());
    }

    @Test
    void peerMeasurement_isSignedByTheMeasuredLandmarkAndProvenByTheMeasuringOne() throws Exception {
        LandmarkServer peer = startPeer(true);
        PeerMeasurement m = prober(pki.landmark).measure(peer.localAddress(), 5);

        assertThat(m).isInstanceOf(PeerMeasurement.Measured.class);
        var signed = ((PeerMeasurement.Measured) m).receipt();
        Receipt r = signed.receipt();
        assertThat(r.landmarkId()).as("the measured landmark timed and signed").isEqualTo("sg2");
        assertThat(r.deviceSerial()).as("the measuring landmark answered").isEqualTo("sg1");
        assertThat(r.deviceModel()).isEqualTo(PeerReceipts.PEER_MODEL);
        assertThat(r.deviceCertificate()).isEqualTo(pki.landmark.identity().fingerprint());
        assertThat(r.samplesNanos()).hasSize(5).allSatisfy(ns -> assertThat(ns).isPositive());
        assertThat(r.minRttNanos()).as("loopback round trip under 1 s").isLessThan(1_000_000_000L);
        assertThat(PeerReceipts.verify(signed, rawKey(peerKey), rawKey(pki.landmark)))
                .isEmpty();
        assertThat(PeerReceipts.verify(signed, rawKey(pki.landmark), rawKey(pki.landmark)))
                .hasValueSatisfying(p -> assertThat(p).contains("receipt signature"));
        assertThat(PeerReceipts.verify(signed, rawKey(peerKey), rawKey(peerKey)))
                .hasValueSatisfying(p -> assertThat(p).contains("another key answered"));
    }

    @Test
    void landmarkThatDoesNotAcceptPeers_refusesALandmarkCertificate() throws Exception {
        LandmarkServer peer = startPeer(false);
        PeerMeasurement m = prober(pki.landmark).measure(peer.localAddress(), 2);

        assertThat(m).isInstanceOf(PeerMeasurement.Failed.class);
        assertThat(((PeerMeasurement.Failed) m).detail()).contains("INVALID_CERTIFICATE");
        Rejection r = rejections.poll(2, TimeUnit.SECONDS);
        assertThat(r).isNotNull();
        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_CERTIFICATE);
    }

    @Test
    void landmarkOfAnotherCa_isRefused_andALandmarkCannotMeasureItself() throws Exception {
        LandmarkServer peer = startPeer(true);
        CertificateAuthority rogue =
                CertificateAuthority.create("Rogue CA", Duration.ofDays(30), InstantSource.system(), pki.random);
        LandmarkKey impostor = LandmarkKey.generate(
                rogue, "sg1", "Singapore", GeoPosition.ofDegrees(1.3667, 103.75), Duration.ofDays(30), pki.random);
        PeerMeasurement foreign = new PeerProber(
                        impostor, pki.verifier(Set.of()), Duration.ofMillis(500), 3, TestPki.seeded(10))
                .measure(peer.localAddress(), 2);
        assertThat(foreign).isInstanceOf(PeerMeasurement.Failed.class);
        assertThat(((PeerMeasurement.Failed) foreign).detail()).contains("issuer");

        PeerMeasurement self = prober(peerKey).measure(peer.localAddress(), 2);
        assertThat(self).isInstanceOf(PeerMeasurement.Failed.class);
        assertThat(((PeerMeasurement.Failed) self).detail()).contains("cannot measure itself");
    }

    @Test
    void devicesAreStillServed_whenPeersAreAccepted() throws Exception {
        LandmarkServer peer = startPeer(true);
        try (var key = pki.device("1650923000001");
                RawDevice d = new RawDevice(peer.localAddress(), key, 1)) {
            d.hello(1);
            var c = d.expect(dev.locus.protocol.wire.Message.Challenge.class);
            d.send(d.answer(c));
            d.next();
            var receipt = d.expect(dev.locus.protocol.wire.Message.ReceiptMessage.class);
            assertThat(receipt.signedReceipt().length()).isPositive();
        }
    }
}
