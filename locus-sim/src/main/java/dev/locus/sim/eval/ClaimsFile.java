package dev.locus.sim.eval;

import dev.locus.geo.GeoException;
import dev.locus.geo.position.GeoPosition;
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

    private ClaimsFile() {}

    public static List<Claim> read(Path file, LatencyDataset data) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), data);
        }
    }

    /** @throws DataFileException naming file, line and field for unknown devices or bad coordinates */
    public static List<Claim> read(BufferedReader in, String name, LatencyDataset data) throws IOException {
        String header = in.readLine();
        if (header == null || !header.strip().replace("\uFEFF", "").equals("device_id,latitude,longitude")) {
            throw new DataFileException(name, 1, "header must be 'device_id,latitude,longitude', got '" + header + "'");
        }
        List<Claim> claims = new ArrayList<>();
        String line;
        long n = 1;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 3) {
                throw new DataFileException(
                        name, n, "expected 3 fields (device_id,latitude,longitude), got " + f.length);
            }
            String id = f[0].strip();
            if (data.host(id).isEmpty()) {
                throw new DataFileException(name, n, "device_id '" + id + "' is not a host of the data set");
            }
            try {
                claims.add(new Claim(
                        id,
                        GeoPosition.ofDegrees(parse(f[1], "latitude", name, n), parse(f[2], "longitude", name, n))));
            } catch (GeoException e) {
                throw new DataFileException(name, n, e.getMessage(), e);
            }
        }
        if (claims.isEmpty()) {
            throw new DataFileException(name, n, "no claims listed");
        }
        return claims;
    }

    private static double parse(String s, String field, String name, long line) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new DataFileException(name, line, field + " must be a number, got '" + s.strip() + "'", e);
        }
    }
}
