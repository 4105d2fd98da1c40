package dev.locus.sim.latency;

import dev.locus.geo.GeoException;
import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.position.GeoPosition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hosts and their measured round trips, in the format of WonderProxy's public ping data ({@code
 * hosts.csv}: {@code id,name,country,latitude,longitude}; {@code rtt.csv}: {@code
 * src,dst,min_ms,avg_ms,max_ms}). The minimum round trip of a pair is the smaller of both
 * directions. Immutable.
 */
public final class LatencyDataset {

    static final List<String> HOSTS_HEADER = List.of("id", "name", "country", "latitude", "longitude");
    static final List<String> RTT_HEADER = List.of("src", "dst", "min_ms", "avg_ms", "max_ms");

    private final Map<String, Host> hosts;
    private final Map<String, Map<String, RoundTrip>> minRtt;
    private final int rttRows;
    private final int duplicateRows;

    private LatencyDataset(Map<String, Host> hosts, Map<String, Map<String, RoundTrip>> minRtt, int rttRows, int dups) {
        this.hosts = hosts;
        this.minRtt = minRtt;
        this.rttRows = rttRows;
        this.duplicateRows = dups;
    }

    /** The real data set bundled with Locus (WonderProxy, 2020-07-19; see PROVENANCE.md). */
    public static LatencyDataset bundled() {
        try (InputStream h = resource("hosts.csv");
                InputStream r = resource("rtt.csv")) {
            return read(reader(h), "bundled hosts.csv", reader(r), "bundled rtt.csv");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled latency data", e);
        }
    }

    public static LatencyDataset read(Path hostsFile, Path rttFile) throws IOException {
        try (BufferedReader h = Files.newBufferedReader(hostsFile, StandardCharsets.UTF_8);
                BufferedReader r = Files.newBufferedReader(rttFile, StandardCharsets.UTF_8)) {
            return read(h, hostsFile.toString(), r, rttFile.toString());
        }
    }

    /**
     * Reads both files.
     *
     * @throws DataFileException naming file, line and field for any bad row: unknown or duplicate
     *     host ids, out-of-range coordinates, round trips not in (0, 10000] ms, min > avg > max
     */
    public static LatencyDataset read(BufferedReader hostsIn, String hostsName, BufferedReader rttIn, String rttName)
            throws IOException {
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (CsvTable.Row row : CsvTable.read(hostsIn, hostsName, HOSTS_HEADER)) {
            String[] f = row.fields();
            if (f[0].isEmpty()) {
                throw new DataFileException(hostsName, row.line(), "id must not be empty");
            }
            if (!f[2].matches("[A-Za-z]{2}")) {
                throw new DataFileException(
                        hostsName, row.line(), "country must be an ISO 3166-1 alpha-2 code, got '" + f[2] + "'");
            }
            double lat = CsvTable.number(row, hostsName, "latitude", f[3]);
            double lon = CsvTable.number(row, hostsName, "longitude", f[4]);
            GeoPosition pos;
            try {
                pos = GeoPosition.ofDegrees(lat, lon);
            } catch (GeoException e) {
                throw new DataFileException(hostsName, row.line(), e.getMessage(), e);
            }
            Host host = new Host(f[0], f[1], f[2].toUpperCase(java.util.Locale.ROOT), pos);
            if (hosts.putIfAbsent(host.id(), host) != null) {
                throw new DataFileException(hostsName, row.line(), "host id '" + f[0] + "' appears twice");
            }
        }
        if (hosts.isEmpty()) {
            throw new DataFileException(hostsName, 2, "no hosts listed");
        }
        Map<String, Map<String, RoundTrip>> min = new HashMap<>();
        Map<String, Boolean> seenDirected = new HashMap<>();
        int rows = 0, dups = 0;
        for (CsvTable.Row row : CsvTable.read(rttIn, rttName, RTT_HEADER)) {
            String[] f = row.fields();
            for (int i = 0; i < 2; i++) {
                if (!hosts.containsKey(f[i])) {
                    throw new DataFileException(
                            rttName, row.line(), RTT_HEADER.get(i) + " '" + f[i] + "' is not a host in " + hostsName);
                }
            }
            if (f[0].equals(f[1])) {
                throw new DataFileException(rttName, row.line(), "src and dst are the same host '" + f[0] + "'");
            }
            double minMs = rttMs(row, rttName, "min_ms", f[2]);
            double avgMs = rttMs(row, rttName, "avg_ms", f[3]);
            double maxMs = rttMs(row, rttName, "max_ms", f[4]);
            if (minMs > avgMs || avgMs > maxMs) {
                throw new DataFileException(
                        rttName,
                        row.line(),
                        "round trips must satisfy min_ms <= avg_ms <= max_ms, got " + minMs + ", " + avgMs + ", "
                                + maxMs);
            }
            rows++;
            if (seenDirected.put(f[0] + "\u0000" + f[1], Boolean.TRUE) != null) {
                dups++;
            }
            RoundTrip rtt = RoundTrip.ofMillis(minMs);
            min.computeIfAbsent(f[0], k -> new HashMap<>()).merge(f[1], rtt, RoundTrip::min);
            min.computeIfAbsent(f[1], k -> new HashMap<>()).merge(f[0], rtt, RoundTrip::min);
        }
        return new LatencyDataset(Collections.unmodifiableMap(hosts), min, rows, dups);
    }

    private static double rttMs(CsvTable.Row row, String file, String field, String value) {
        double v = CsvTable.number(row, file, field, value);
        if (v <= 0 || v > RoundTrip.MAX_NANOS / 1e6) {
            throw new DataFileException(file, row.line(), field + " must be > 0 and <= 10000 ms, got " + value);
        }
        return v;
    }

    private static InputStream resource(String name) {
        InputStream in = LatencyDataset.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("bundled latency file " + name + " missing from the classpath");
        }
        return in;
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** Hosts in file order. */
    public List<Host> hosts() {
        return List.copyOf(hosts.values());
    }

    public Optional<Host> host(String id) {
        return Optional.ofNullable(hosts.get(id));
    }

    /** The smallest round trip measured between two hosts in either direction. */
    public Optional<RoundTrip> minRoundTrip(String a, String b) {
        return Optional.ofNullable(minRtt.getOrDefault(a, Map.of()).get(b));
    }

    /** Every host with a round trip to {@code id}, with the smallest of both directions. */
    public Map<String, RoundTrip> peersOf(String id) {
        return Collections.unmodifiableMap(minRtt.getOrDefault(id, Map.of()));
    }

    /** Rows read from the round-trip file. */
    public int rttRows() {
        return rttRows;
    }

    /** Rows that repeated a directed pair already seen (their minimum was kept). */
    public int duplicateRows() {
        return duplicateRows;
    }
}
