package dev.locus.sim.eval;

import dev.locus.geo.GeoException;
import dev.locus.geo.position.GeoPosition;
import dev.locus.sim.latency.CsvTable;
import dev.locus.sim.latency.DataFileException;
import dev.locus.sim.latency.LatencyDataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code claims.csv}: {@code device_id,latitude,longitude}, one claim per row. */
public final class ClaimsFile {
    private static final List<String> HEADER = List.of("device_id", "latitude", "longitude");

    private ClaimsFile() {}

    public static List<Claim> read(Path file, LatencyDataset data) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), data);
        }
    }

    /** @throws DataFileException naming file, line and field for unknown devices or bad coordinates */
    public static List<Claim> read(BufferedReader in, String name, LatencyDataset data) throws IOException {
        List<Claim> claims = new ArrayList<>();
        for (CsvTable.Row row : CsvTable.read(in, name, HEADER)) {
            String[] f = row.fields();
            String id = f[0];
            if (data.host(id).isEmpty()) {
                throw new DataFileException(name, row.line(), "device_id '" + id + "' is not a host of the data set");
            }
            double latitude = CsvTable.number(row, name, "latitude", f[1]);
            double longitude = CsvTable.number(row, name, "longitude", f[2]);
            try {
                claims.add(new Claim(id, GeoPosition.ofDegrees(latitude, longitude)));
            } catch (GeoException e) {
                throw new DataFileException(name, row.line(), e.getMessage(), e);
            }
        }
        if (claims.isEmpty()) {
            throw new DataFileException(name, 1, "no claims listed");
        }
        return claims;
    }
}
