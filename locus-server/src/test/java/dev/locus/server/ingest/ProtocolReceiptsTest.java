package dev.locus.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.protocol.wire.Nonce;
import dev.locus.protocol.wire.ProofMessage;
import dev.locus.protocol.wire.ProtocolVersion;
import dev.locus.protocol.wire.SessionId;
import dev.locus.server.Bytes;
import dev.locus.server.registry.Landmark;
import dev.locus.server.registry.Model;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Landmark-issued receipts (locus-protocol) verified at the control plane's boundary. */
class ProtocolReceiptsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final GeoPosition SINGAPORE = GeoPosition.ofDegrees(1.3667, 103.75);

    private final SecureRandom random = new SecureRandom();
    private final CertificateAuthority ca =
            CertificateAuthority.create("Test CA", Duration.ofDays(365), InstantSource.fixed(NOW), random);
    private final LandmarkKey landmarkKey =
            LandmarkKey.generate(ca, "sg1", "Singapore", SINGAPORE, Duration.ofDays(30), random);
    private final Pkcs12DeviceKey device =
            Pkcs12DeviceKey.generate(ca, "1650923000001", "NVIDIA H100 80GB HBM3", Duration.ofDays(30), random);
    private final Landmark registered = new Landmark(
            "sg1",
            "Singapore",
            SINGAPORE,
            Bytes.of(Ed25519Keys.rawPublicKey(
                    landmarkKey.identity().certificate().getPublicKey())),
            Model.LandmarkStatus.values()[0],
            NOW);
    private final ReceiptFormats verifier = new ReceiptFormats();

    @Test
    void landmarkSignedReceipt_verifiesAtTheControlPlane() {
        Receipt r = ProtocolReceipts.toReceipt(signed(List.of(2_100_000L, 1_900_000L, 2_000_000L)));
        assertThat(r.rttMinNanos()).isEqualTo(1_900_000L);
        assertThat(r.chipSerial()).isEqualTo("1650923000001");
        assertThat(verifier.verify(r, registered)).isEmpty();
    }

    @Test
    void anyChangedField_orWrongKey_orMovedLandmark_isRefusedWithItsReason() {
        Receipt r = ProtocolReceipts.toReceipt(signed(List.of(2_000_000L)));
        Receipt faster = new Receipt(
                r.landmarkId(),
                r.chipSerial(),
                r.nonce(),
                1_000L,
                List.of(1_000L),
                r.measuredAt(),
                r.protocolVersion(),
                r.signature(),
                r.signedPayload());
        assertThat(verifier.verify(faster, registered))
                .hasValueSatisfying(m -> assertThat(m).contains("round trips"));
        Receipt otherChip = new Receipt(
                r.landmarkId(),
                "999",
                r.nonce(),
                r.rttMinNanos(),
                r.rttSamplesNanos(),
                r.measuredAt(),
                r.protocolVersion(),
                r.signature(),
                r.signedPayload());
        assertThat(verifier.verify(otherChip, registered))
                .hasValueSatisfying(m -> assertThat(m).contains("serial"));
        byte[] sig = r.signature().toArray();
        sig[5] ^= 1;
        Receipt forged = new Receipt(
                r.landmarkId(),
                r.chipSerial(),
                r.nonce(),
                r.rttMinNanos(),
                r.rttSamplesNanos(),
                r.measuredAt(),
                r.protocolVersion(),
                Bytes.of(sig),
                r.signedPayload());
        assertThat(verifier.verify(forged, registered))
                .hasValueSatisfying(m -> assertThat(m).contains("signature"));
        Landmark moved = new Landmark(
                "sg1",
                "Singapore",
                GeoPosition.ofDegrees(22.3, 114.2),
                registered.publicKey(),
                registered.status(),
                NOW);
        assertThat(verifier.verify(r, moved))
                .hasValueSatisfying(m -> assertThat(m).contains("registered position"));
        byte[] payload = r.signedPayload().toArray();
        payload[payload.length - 3] ^= 1;
        Receipt garbled = new Receipt(
                r.landmarkId(),
                r.chipSerial(),
                r.nonce(),
                r.rttMinNanos(),
                r.rttSamplesNanos(),
                r.measuredAt(),
                r.protocolVersion(),
                r.signature(),
                Bytes.of(payload));
        assertThat(verifier.verify(garbled, registered)).isPresent();
    }

    @Test
    void deviceProof_verifiesWithTheChipsRegisteredKey_andNoOther() {
        Receipt r = ProtocolReceipts.toReceipt(signed(List.of(2_000_000L)));
        Bytes chipKey = Bytes.of(
                Ed25519Keys.rawPublicKey(device.identity().certificate().getPublicKey()));
        assertThat(verifier.verifyDevice(r, chipKey)).isEmpty();
        Pkcs12DeviceKey other =
                Pkcs12DeviceKey.generate(ca, "1650923000001", "NVIDIA H100 80GB HBM3", Duration.ofDays(30), random);
        Bytes otherKey =
                Bytes.of(Ed25519Keys.rawPublicKey(other.identity().certificate().getPublicKey()));
        assertThat(verifier.verifyDevice(r, otherKey))
                .hasValueSatisfying(m -> assertThat(m).contains("device proof").contains("registered key"));
        assertThat(verifier.verifyDevice(r, Bytes.of(new byte[5]))).isPresent();
    }

    private SignedReceipt signed(List<Long> samples) {
        SessionId session = SessionId.random(random);
        Nonce nonce = Nonce.random(random);
        int minRound = samples.indexOf(samples.stream().min(Long::compare).orElseThrow());
        byte[] proof = device.sign(ProofMessage.of(
                session,
                minRound,
                nonce,
                landmarkKey.identity().id(),
                device.identity().fingerprint()));
        return SignedReceipt.sign(
                new dev.locus.protocol.receipt.Receipt(
                        ProtocolVersion.CURRENT,
                        landmarkKey.identity().id(),
                        landmarkKey.identity().position(),
                        landmarkKey.identity().fingerprint(),
                        device.identity().serial(),
                        device.identity().model(),
                        device.identity().fingerprint(),
                        session,
                        minRound,
                        nonce,
                        samples.get(minRound),
                        samples,
                        NOW,
                        NOW.plusMillis(5),
                        proof),
                landmarkKey);
    }
}
