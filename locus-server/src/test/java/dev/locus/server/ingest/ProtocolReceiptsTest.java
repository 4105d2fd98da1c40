package dev.locus.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.server.Bytes;
import dev.locus.server.DevicePki;
import dev.locus.server.identity.DeviceKeys;
import dev.locus.server.registry.Landmark;
import dev.locus.wire.RegistryValues;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Landmark-issued receipts (locus-protocol) verified at the control plane's boundary. */
class ProtocolReceiptsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private final DevicePki pki = new DevicePki(41);
    private final Pkcs12DeviceKey device = pki.device("1650923000001", "NVIDIA H100 80GB HBM3");
    private final Landmark registered = new Landmark(
            "lm-sg", "Singapore", DevicePki.LM_SG, pki.landmarkPublicKey(), RegistryValues.LandmarkStatus.ACTIVE, NOW);
    private final ProtocolReceipts verifier = new ProtocolReceipts();

    @Test
    void landmarkSignedReceipt_verifiesAtTheControlPlane() {
        Receipt r = signed(List.of(2_100_000L, 1_900_000L, 2_000_000L));
        assertThat(r.rttMinNanos()).isEqualTo(1_900_000L);
        assertThat(r.chipSerial()).isEqualTo("1650923000001");
        assertThat(verifier.verify(r, registered)).isEmpty();
    }

    @Test
    void anyChangedField_orWrongKey_orMovedLandmark_isRefusedWithItsReason() {
        Receipt r = signed(List.of(2_000_000L));
        Receipt faster = altered(r, r.chipSerial(), List.of(1_000L), r.signature(), r.signedPayload());
        assertThat(verifier.verify(faster, registered))
                .hasValueSatisfying(m -> assertThat(m).contains("round trips"));
        Receipt otherChip = altered(r, "999", r.rttSamplesNanos(), r.signature(), r.signedPayload());
        assertThat(verifier.verify(otherChip, registered))
                .hasValueSatisfying(m -> assertThat(m).contains("serial"));
        byte[] sig = r.signature().toArray();
        sig[5] ^= 1;
        Receipt forged = altered(r, r.chipSerial(), r.rttSamplesNanos(), Bytes.of(sig), r.signedPayload());
        assertThat(verifier.verify(forged, registered))
                .hasValueSatisfying(m -> assertThat(m).contains("signature"));
        Landmark moved = new Landmark(
                "lm-sg",
                "Singapore",
                GeoPosition.ofDegrees(22.3, 114.2),
                registered.publicKey(),
                registered.status(),
                NOW);
        assertThat(verifier.verify(r, moved))
                .hasValueSatisfying(m -> assertThat(m).contains("registered position"));
        byte[] payload = r.signedPayload().toArray();
        payload[payload.length - 3] ^= 1;
        Receipt garbled = altered(r, r.chipSerial(), r.rttSamplesNanos(), r.signature(), Bytes.of(payload));
        assertThat(verifier.verify(garbled, registered)).isPresent();
    }

    @Test
    void deviceEvidence_namesTheDeviceCertificate_andCarriesTheProofOfTheTimedRound() {
        Receipt r = signed(List.of(2_000_000L));
        DeviceEvidence e = verifier.deviceEvidence(r).orElseThrow();
        assertThat(e.certificateSha256())
                .isEqualTo(device.identity().fingerprint().toHex());
        Bytes chipKey = Bytes.of(
                Ed25519Keys.rawPublicKey(device.identity().certificate().getPublicKey()));
        assertThat(DeviceKeys.verify(
                        chipKey, e.signedMessage().toArray(), e.proof().toArray()))
                .isTrue();
        Pkcs12DeviceKey other = pki.device("1650923000001", "NVIDIA H100 80GB HBM3");
        Bytes otherKey =
                Bytes.of(Ed25519Keys.rawPublicKey(other.identity().certificate().getPublicKey()));
        assertThat(DeviceKeys.verify(
                        otherKey, e.signedMessage().toArray(), e.proof().toArray()))
                .isFalse();
        assertThat(DeviceKeys.verify(
                        Bytes.of(new byte[5]),
                        e.signedMessage().toArray(),
                        e.proof().toArray()))
                .isFalse();
        // a payload in any other format (the retired LCR1 encoding, say) carries no device proof
        Bytes otherFormat = Bytes.of("LCR1\u0000\u0001".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Receipt lcr1 = new Receipt(
                "lm-sg", "GPU-1", r.nonce(), 2_000_000L, List.of(2_000_000L), NOW, 1, r.signature(), otherFormat);
        assertThat(verifier.deviceEvidence(lcr1)).isEmpty();
        assertThat(verifier.verify(lcr1, registered)).contains("payload is not a LOCUS-RECEIPT-V1 receipt");
    }

    /** {@code r} with its serial, round trips, signature or signed payload replaced, as a forger would. */
    private static Receipt altered(Receipt r, String serial, List<Long> samples, Bytes signature, Bytes payload) {
        long fastest = samples.stream().min(Long::compare).orElseThrow();
        return new Receipt(
                r.landmarkId(),
                serial,
                r.nonce(),
                fastest,
                samples,
                r.measuredAt(),
                r.protocolVersion(),
                signature,
                payload);
    }

    private Receipt signed(List<Long> samples) {
        return pki.receipt(device, samples, NOW);
    }
}
