package dev.locus.compliance.redflags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Reads the small comma-separated data files bundled with the rules ('#' comments, one header). */
final class CsvResource {
    private CsvResource() {}

    /** A two-column file as a map, keys and values read from the rows; immutable. */
    static <V> Map<String, V> map(String name, Function<String[], String> key, Function<String[], V> value) {
        Map<String, V> out = new TreeMap<>();
        for (String[] row : rows(name)) {
            out.put(key.apply(row), value.apply(row));
        }
        return Map.copyOf(out);
    }

    static List<String[]> rows(String name) {
        try (InputStream in = CsvResource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled data file " + name + " is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> out = new ArrayList<>();
            boolean header = true;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                out.add(line.split(",", -1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled data file " + name, e);
        }
    }
}
