package dev.locus.agent;

import dev.locus.protocol.identity.DeviceKey;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The device keys configured on a host: every {@code *.p12} file of a directory, by device serial.
 * Closing the directory closes every key. Not thread-safe for closing; lookups are.
 */
public final class DeviceDirectory implements AutoCloseable {
    private final Map<String, DeviceKey> bySerial;

    private DeviceDirectory(Map<String, DeviceKey> bySerial) {
        this.bySerial = bySerial;
    }

    /** Wraps keys already loaded (e.g. PKCS#11 ones). */
    public static DeviceDirectory of(Collection<? extends DeviceKey> keys) {
        Map<String, DeviceKey> m = new LinkedHashMap<>();
        for (DeviceKey k : keys) {
            if (m.putIfAbsent(k.identity().serial(), k) != null) {
                throw new IllegalArgumentException(
                        "device serial " + k.identity().serial() + " is configured twice");
            }
        }
        return new DeviceDirectory(m);
    }

    /**
     * Loads every {@code *.p12} of the directory.
     *
     * @throws IOException naming the file that cannot be read
     * @throws IllegalArgumentException when the directory holds no key or a serial twice
     */
    public static DeviceDirectory load(Path directory, char[] password) throws IOException {
        List<DeviceKey> keys = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.p12")) {
            for (Path f : files) {
                keys.add(Pkcs12DeviceKey.load(f, password));
            }
        } catch (IOException | RuntimeException e) {
            keys.forEach(DeviceKey::close);
            throw e;
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(
                    "device key directory " + directory + " must hold *.p12 files, found none");
        }
        keys.sort(java.util.Comparator.comparing(k -> k.identity().serial()));
        return of(keys);
    }

    public Optional<DeviceKey> bySerial(String serial) {
        return Optional.ofNullable(bySerial.get(serial));
    }

    public List<DeviceKey> all() {
        return List.copyOf(bySerial.values());
    }

    /**
     * The keys of the {@code discovered} GPUs, in their order ({@link #all} is what to measure when
     * discovery found no GPUs: a host without nvidia-smi).
     *
     * @param unmatched receives the GPUs that have no configured key
     */
    public List<DeviceKey> select(List<GpuDiscovery.Gpu> discovered, List<GpuDiscovery.Gpu> unmatched) {
        List<DeviceKey> out = new ArrayList<>();
        for (GpuDiscovery.Gpu g : discovered) {
            DeviceKey k = bySerial.get(g.serial());
            if (k == null) {
                unmatched.add(g);
            } else {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public void close() {
        bySerial.values().forEach(DeviceKey::close);
    }
}
