package dev.locus.cli;

import dev.locus.geo.position.GeoPosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The site each device declares, against which its verdicts are judged: {@code --site} for every
 * device, {@code --sites} per serial (a serial in the file wins over {@code --site}).
 */
final class DeclaredSites {
    @Option(names = "--site", description = "Declared site LAT,LON of every device (or use --sites).")
    String site;

    @Option(names = "--sites", description = "CSV 'serial,latitude,longitude' of declared sites per device.")
    Path sites;

    /**
     * The declared site by device serial (empty for a serial with none).
     *
     * @throws IllegalArgumentException when neither option is given, or a line of the file is not
     *     {@code serial,latitude,longitude}
     */
    Function<String, Optional<GeoPosition>> load() throws IOException {
        if (site == null && sites == null) {
            throw new IllegalArgumentException(
                    "give --site LAT,LON or --sites FILE: verdicts are judged against a declared site");
        }
        Map<String, GeoPosition> bySerial = sites == null ? Map.of() : read(sites);
        Optional<GeoPosition> everyDevice = site == null ? Optional.empty() : Optional.of(GeoPosition.parse(site));
        return serial -> Optional.ofNullable(bySerial.get(serial)).or(() -> everyDevice);
    }

    private static Map<String, GeoPosition> read(Path file) throws IOException {
        Map<String, GeoPosition> m = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.startsWith("serial"))) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 3) {
                throw new IllegalArgumentException(
                        file + ":" + (i + 1) + ": must be serial,latitude,longitude, got '" + line + "'");
            }
            m.put(f[0].strip(), GeoPosition.parse(f[1] + "," + f[2]));
        }
        return m;
    }
}
