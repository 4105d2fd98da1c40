package dev.locus.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuDiscoveryTest {
    static final String TWO_GPUS = """
            uuid, serial, name
            GPU-5d3c2a1b-0000-1111-2222-333344445555, 1650923000001, NVIDIA H100 80GB HBM3
            GPU-6e4d3b2c-0000-1111-2222-333344445555, 1650923000002, NVIDIA H100 80GB HBM3
            """;

    @Test
    void parsesNvidiaSmiCsv() {
        assertThat(GpuDiscovery.parseCsv(TWO_GPUS))
                .containsExactly(
                        new GpuDiscovery.Gpu(
                                "GPU-5d3c2a1b-0000-1111-2222-333344445555", "1650923000001", "NVIDIA H100 80GB HBM3"),
                        new GpuDiscovery.Gpu(
                                "GPU-6e4d3b2c-0000-1111-2222-333344445555", "1650923000002", "NVIDIA H100 80GB HBM3"));
    }

    @Test
    void unexpectedHeader_isAnErrorNamingIt() {
        assertThatThrownBy(() -> GpuDiscovery.parseCsv("index, name\n0, x\n"))
                .isInstanceOf(AgentException.class)
                .hasMessageContaining("'index, name'");
    }

    @Test
    void missingNvidiaSmi_meansNoGpus() {
        assertThat(new GpuDiscovery("/nonexistent/nvidia-smi", 1000).discover()).isEmpty();
    }

    @Test
    void runsTheRealExecutable_withTheDocumentedQuery(@TempDir Path dir) throws IOException {
        Path fake = dir.resolve("nvidia-smi");
        Path args = dir.resolve("args.txt");
        Files.writeString(fake, "#!/bin/sh\necho \"$@\" > '" + args + "'\ncat <<'EOF'\n" + TWO_GPUS + "EOF\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        List<GpuDiscovery.Gpu> gpus =
                new GpuDiscovery(fake.toString(), 5000).discover().orElseThrow();
        assertThat(gpus).extracting(GpuDiscovery.Gpu::serial).containsExactly("1650923000001", "1650923000002");
        assertThat(Files.readString(args).strip()).isEqualTo("--query-gpu=uuid,serial,name --format=csv");
    }

    @Test
    void failingNvidiaSmi_meansNoGpus(@TempDir Path dir) throws IOException {
        Path fake = dir.resolve("nvidia-smi");
        Files.writeString(fake, "#!/bin/sh\necho 'NVIDIA-SMI has failed' >&2\nexit 9\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        assertThat(new GpuDiscovery(fake.toString(), 5000).discover()).isEmpty();
    }
}
