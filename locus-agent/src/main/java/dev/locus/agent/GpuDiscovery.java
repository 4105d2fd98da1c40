package dev.locus.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the NVIDIA GPUs of this host with {@code nvidia-smi --query-gpu=uuid,serial,name
 * --format=csv}. Thread-safe.
 */
public final class GpuDiscovery {
    private static final System.Logger LOG = System.getLogger(GpuDiscovery.class.getName());

    /**
     * One GPU as nvidia-smi reports it.
     *
     * @param uuid the GPU UUID, e.g. "GPU-5d3c..."
     * @param serial the board serial number (what device certificates bind)
     * @param name the product name, e.g. "NVIDIA H100 80GB HBM3"
     */
    public record Gpu(String uuid, String serial, String name) {
        public Gpu {
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(serial, "serial");
            Objects.requireNonNull(name, "name");
        }
    }

    private final String command;
    private final long timeoutMillis;

    /** Discovery through {@code nvidia-smi} on the PATH. */
    public static GpuDiscovery system() {
        return new GpuDiscovery("nvidia-smi", 10_000);
    }

    /** @param command the nvidia-smi executable to run; @param timeoutMillis how long it may take */
    public GpuDiscovery(String command, long timeoutMillis) {
        this.command = Objects.requireNonNull(command, "command");
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeoutMillis must be > 0, got " + timeoutMillis);
        }
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * The GPUs, or empty when nvidia-smi is absent or fails (a host without NVIDIA GPUs or driver).
     *
     * @throws AgentException when nvidia-smi runs but prints something that is not its CSV
     */
    public Optional<List<Gpu>> discover() {
        Process p;
        try {
            p = new ProcessBuilder(command, "--query-gpu=uuid,serial,name", "--format=csv")
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "{0} is not available ({1}); no GPUs discovered",
                    command,
                    e.getMessage());
            return Optional.empty();
        }
        try {
            byte[] out = p.getInputStream().readNBytes(1 << 20);
            if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                LOG.log(System.Logger.Level.WARNING, "{0} did not finish in {1} ms", command, timeoutMillis);
                return Optional.empty();
            }
            if (p.exitValue() != 0) {
                LOG.log(System.Logger.Level.INFO, "{0} exited with {1}; no GPUs discovered", command, p.exitValue());
                return Optional.empty();
            }
            return Optional.of(parseCsv(new String(out, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            p.destroyForcibly();
            LOG.log(System.Logger.Level.WARNING, "reading " + command + " failed", e);
            return Optional.empty();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Parses nvidia-smi's CSV: a header naming uuid, serial and name, then one line per GPU.
     *
     * @throws AgentException naming the line when it does not have the three fields
     */
    public static List<Gpu> parseCsv(String csv) {
        List<Gpu> gpus = new ArrayList<>();
        String[] lines = csv.strip().split("\\R");
        if (lines.length == 0 || lines[0].isBlank()) {
            return gpus;
        }
        String header = lines[0].toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        if (!header.equals("uuid,serial,name")) {
            throw new AgentException("nvidia-smi CSV header must be 'uuid, serial, name', got '" + lines[0] + "'");
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split(",", 3);
            if (f.length != 3) {
                throw new AgentException(
                        "nvidia-smi CSV line " + (i + 1) + " must have 3 fields, got '" + lines[i] + "'");
            }
            gpus.add(new Gpu(f[0].strip(), f[1].strip(), f[2].strip()));
        }
        return gpus;
    }
}
