package dev.locus.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.DeviceKey;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceDirectoryTest {
    private final SecureRandom random = new SecureRandom(new byte[] {1});
    private final CertificateAuthority ca =
            CertificateAuthority.create("Test CA", Duration.ofDays(1), InstantSource.system(), random);

    @Test
    void loadsEveryKeyStore_andSelectsDiscoveredGpusByBoardSerial(@TempDir Path dir) throws Exception {
        char[] pw = "pw".toCharArray();
        for (String serial : List.of("S1", "S2", "S3")) {
            Pkcs12DeviceKey.create(
                            dir.resolve(serial + ".p12"), ca, serial, "NVIDIA H100", Duration.ofDays(1), pw, random)
                    .close();
        }
        try (DeviceDirectory d = DeviceDirectory.load(dir, pw)) {
            assertThat(d.all()).extracting(k -> k.identity().serial()).containsExactly("S1", "S2", "S3");
            List<GpuDiscovery.Gpu> unmatched = new ArrayList<>();
            List<DeviceKey> picked = d.select(
                    List.of(new GpuDiscovery.Gpu("GPU-a", "S2", "H100"), new GpuDiscovery.Gpu("GPU-b", "S9", "H100")),
                    unmatched);
            assertThat(picked).extracting(k -> k.identity().serial()).containsExactly("S2");
            assertThat(unmatched).extracting(GpuDiscovery.Gpu::serial).containsExactly("S9");
        }
    }

    @Test
    void emptyDirectory_isAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> DeviceDirectory.load(dir, "pw".toCharArray())).hasMessageContaining("found none");
    }
}
