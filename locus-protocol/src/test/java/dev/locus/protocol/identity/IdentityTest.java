package dev.locus.protocol.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.protocol.Fixtures;
import dev.locus.protocol.crypto.SignatureVerifier;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.RejectReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityTest {
    private final Fixtures f = new Fixtures(6);

    @Test
    void deviceCertificate_bindsSerialAndModel_andIsAccepted() {
        Decoded<DeviceIdentity> d =
                f.verifier().verifyDevice(Certificates.der(f.device.identity().certificate()));
        DeviceIdentity id = ((Decoded.Accepted<DeviceIdentity>) d).value();
        assertThat(id.serial()).isEqualTo("1650923000001");
        assertThat(id.model()).isEqualTo("NVIDIA H100 80GB HBM3");
    }

    @Test
    void deviceFromAnotherCa_isUnknown() {
        Fixtures other = new Fixtures(7);
        assertThat(reason(f.verifier().verifyDevice(other.device.identity().certificate())))
                .isEqualTo(RejectReason.UNKNOWN_DEVICE);
    }

    @Test
    void revokedSerial_isRevoked() {
        IdentityVerifier v =
                new IdentityVerifier(f.ca.certificate(), Set.of("1650923000001"), InstantSource.fixed(Fixtures.NOW));
        assertThat(reason(v.verifyDevice(f.device.identity().certificate()))).isEqualTo(RejectReason.REVOKED_DEVICE);
    }

    @Test
    void expiredCertificate_isInvalid() {
        IdentityVerifier later = new IdentityVerifier(
                f.ca.certificate(), Set.of(), InstantSource.fixed(Fixtures.NOW.plus(Duration.ofDays(31))));
        Decoded<DeviceIdentity> d = later.verifyDevice(f.device.identity().certificate());
        assertThat(reason(d)).isEqualTo(RejectReason.INVALID_CERTIFICATE);
        assertThat(((Decoded.Rejected<DeviceIdentity>) d).detail()).contains("is valid from");
    }

    @Test
    void landmarkCertificate_cannotActAsADevice_norADeviceAsALandmark() {
        assertThat(reason(f.verifier().verifyDevice(f.landmark.identity().certificate())))
                .isIn(RejectReason.INVALID_CERTIFICATE);
        assertThat(reason(f.verifier().verifyLandmark(f.device.identity().certificate())))
                .isEqualTo(RejectReason.INVALID_CERTIFICATE);
        LandmarkIdentity lm = ((Decoded.Accepted<LandmarkIdentity>)
                        f.verifier().verifyLandmark(f.landmark.identity().certificate()))
                .value();
        assertThat(lm.position()).isEqualTo(dev.locus.geo.position.GeoPosition.ofDegrees(1.3667, 103.75));
        assertThat(lm.name()).isEqualTo("Singapore");
    }

    @Test
    void garbageCertificateBytes_areInvalid_notAnException() {
        assertThat(reason(f.verifier().verifyDevice(new byte[] {0x30, 0x03, 1, 2, 3})))
                .isEqualTo(RejectReason.INVALID_CERTIFICATE);
    }

    @Test
    void pkcs12Stores_roundTrip_andSignaturesVerifyWithTheCertificate(@TempDir Path dir) throws IOException {
        char[] pw = "test-password".toCharArray();
        f.ca.save(dir.resolve("ca.p12"), pw);
        CertificateAuthority ca =
                CertificateAuthority.load(dir.resolve("ca.p12"), pw, InstantSource.fixed(Fixtures.NOW), f.random);
        assertThat(ca.certificate()).isEqualTo(f.ca.certificate());
        Pkcs12DeviceKey.create(dir.resolve("d.p12"), ca, "SN-9", "NVIDIA B200", Duration.ofDays(1), pw, f.random)
                .close();
        try (Pkcs12DeviceKey key = Pkcs12DeviceKey.load(dir.resolve("d.p12"), pw)) {
            byte[] msg = "challenge".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            SignatureVerifier v =
                    SignatureVerifier.of(key.identity().certificate().getPublicKey());
            assertThat(v.verify(msg, key.sign(msg))).isTrue();
            assertThat(v.verify(msg, new byte[64])).isFalse();
            assertThat(key.identity().serial()).isEqualTo("SN-9");
        }
        assertThatThrownBy(() -> Pkcs12DeviceKey.load(dir.resolve("d.p12"), "wrong".toCharArray()))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Pkcs12DeviceKey.create(
                        dir.resolve("d.p12"), ca, "SN-9", "NVIDIA B200", Duration.ofDays(1), pw, f.random))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("refusing to overwrite");
        assertThat(Files.getPosixFilePermissions(dir.resolve("d.p12")).toString())
                .isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }

    @Test
    void closedDeviceKey_refusesToSign() {
        Pkcs12DeviceKey k = Pkcs12DeviceKey.generate(f.ca, "SN-C", "NVIDIA H100", Duration.ofDays(1), f.random);
        k.close();
        assertThatThrownBy(() -> k.sign(new byte[] {1})).hasMessageContaining("closed");
    }

    @Test
    void pemFiles_roundTrip(@TempDir Path dir) throws IOException {
        Certificates.writePem(
                dir.resolve("x.pem"), f.ca.certificate(), f.device.identity().certificate());
        assertThat(Certificates.readPem(dir.resolve("x.pem")))
                .containsExactly(f.ca.certificate(), f.device.identity().certificate());
        Files.writeString(dir.resolve("empty.pem"), "nothing here");
        assertThatThrownBy(() -> Certificates.readPem(dir.resolve("empty.pem"))).hasMessageContaining("found none");
    }

    private static RejectReason reason(Decoded<?> d) {
        assertThat(d).isInstanceOf(Decoded.Rejected.class);
        return ((Decoded.Rejected<?>) d).reason();
    }
}
