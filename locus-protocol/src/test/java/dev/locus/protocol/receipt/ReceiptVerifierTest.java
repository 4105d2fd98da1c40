package dev.locus.protocol.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.protocol.Fixtures;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.RejectReason;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ReceiptVerifierTest {
    private final Fixtures f = new Fixtures(1);
    private final ReceiptVerifier verifier = new ReceiptVerifier(f.verifier());

    @Test
    void issuedReceipt_verifies_andSurvivesTheWireForm() {
        ReceiptRecord rec = f.receipt(List.of(900_000L, 812_345L, 1_000_000L), Fixtures.NOW);
        assertThat(verifier.verify(rec)).isEqualTo(new Decoded.Accepted<>(rec.receipt()));
        Decoded<SignedReceipt> back = SignedReceipt.decode(rec.signedReceipt().encoded());
        assertThat(((Decoded.Accepted<SignedReceipt>) back).value().receipt()).isEqualTo(rec.receipt());
        assertThat(rec.receipt().minRound()).isEqualTo(1);
        assertThat(rec.signedReceipt()
                        .isSignedBy(f.landmark.identity().certificate().getPublicKey()))
                .isTrue();
        assertThat(rec.signedReceipt()
                        .isSignedBy(f.device.identity().certificate().getPublicKey()))
                .isFalse();
        assertThat(new String(rec.signedReceipt().signedPayload(), 0, 16, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("LOCUS-RECEIPT-V1");
        assertThat(rec.receipt().minRttNanos()).isEqualTo(812_345L);
    }

    @Property(tries = 300)
    void anyFlippedByteOfASignedReceipt_failsDecodingOrVerification(
            @ForAll @IntRange(min = 0, max = 4000) int where, @ForAll @IntRange(min = 1, max = 255) int xor) {
        ReceiptRecord rec = f.receipt(List.of(900_000L, 812_345L), Fixtures.NOW);
        byte[] wire = rec.signedReceipt().encoded();
        wire[where % wire.length] ^= (byte) xor;
        Decoded<SignedReceipt> d = SignedReceipt.decode(wire);
        if (d instanceof Decoded.Accepted<SignedReceipt>(SignedReceipt tampered)) {
            ReceiptRecord t = new ReceiptRecord(tampered, rec.landmarkCertificate(), rec.deviceCertificate());
            assertThat(verifier.verify(t)).isInstanceOf(Decoded.Rejected.class);
        }
    }

    @Test
    void receiptCheckedAgainstAnotherLandmarkCertificate_isRefused() {
        Fixtures other = new Fixtures(2);
        ReceiptRecord rec = f.receipt(List.of(500_000L), Fixtures.NOW);
        ReceiptRecord swapped = new ReceiptRecord(
                rec.signedReceipt(), other.landmark.identity().certificate(), rec.deviceCertificate());
        Decoded<Receipt> d = verifier.verify(swapped);
        assertThat(((Decoded.Rejected<Receipt>) d).reason()).isEqualTo(RejectReason.INVALID_CERTIFICATE);
    }

    @Test
    void deviceCertificateOfAnotherDevice_isRefused() {
        Fixtures other = new Fixtures(3);
        ReceiptRecord rec = f.receipt(List.of(500_000L), Fixtures.NOW);
        var otherDevice = dev.locus.protocol.identity.Pkcs12DeviceKey.generate(
                f.ca, "OTHER-1", "NVIDIA H200", java.time.Duration.ofDays(1), other.random);
        ReceiptRecord swapped = new ReceiptRecord(
                rec.signedReceipt(),
                rec.landmarkCertificate(),
                otherDevice.identity().certificate());
        assertThat(((Decoded.Rejected<Receipt>) verifier.verify(swapped)).reason())
                .isEqualTo(RejectReason.BAD_RECEIPT);
    }
}
