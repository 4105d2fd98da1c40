package dev.locus.sim.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LatencyDatasetTest {

    private static final String HOSTS = "id,name,country,latitude,longitude\n1,A,SG,1.3,103.8\n2,B,MY,3.1,101.7\n";

    @Test
    void bundledData_hasEveryHostAndPair() {
        LatencyDataset d = LatencyDataset.bundled();
        assertThat(d.hosts()).hasSize(172);
        assertThat(d.rttRows()).isEqualTo(29297);
        assertThat(d.minRoundTrip("31", "36")).isPresent();
        assertThat(d.minRoundTrip("31", "36")).isEqualTo(d.minRoundTrip("36", "31"));
    }

    @Test
    void pairMinimum_isTheSmallerOfBothDirections_andDuplicatesAreCounted() throws Exception {
        LatencyDataset d = read(HOSTS, "src,dst,min_ms,avg_ms,max_ms\n1,2,9,10,11\n2,1,7,8,9\n1,2,8,9,9\n");
        assertThat(d.minRoundTrip("1", "2").orElseThrow().millis()).isEqualTo(7);
        assertThat(d.duplicateRows()).isEqualTo(1);
    }

    @Test
    void badRows_nameFileLineAndField() {
        assertThatThrownBy(() -> read(HOSTS, "src,dst,min_ms,avg_ms,max_ms\n1,2,0,1,2\n"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("rtt.csv:2: min_ms must be > 0 and <= 10000 ms, got 0");
        assertThatThrownBy(() -> read(HOSTS, "src,dst,min_ms,avg_ms,max_ms\n1,3,5,6,7\n"))
                .hasMessage("rtt.csv:2: dst '3' is not a host in hosts.csv");
        assertThatThrownBy(() -> read(HOSTS, "src,dst,min_ms,avg_ms,max_ms\n1,2,abc,6,7\n"))
                .hasMessage("rtt.csv:2: min_ms must be a number, got 'abc'");
        assertThatThrownBy(() -> read(HOSTS, "src,dst,min_ms,avg_ms,max_ms\n1,2,8,6,7\n"))
                .hasMessageContaining("rtt.csv:2: round trips must satisfy min_ms <= avg_ms <= max_ms");
        assertThatThrownBy(() -> read(HOSTS, "src,dst,min\n"))
                .hasMessageContaining("rtt.csv:1: header must be 'src,dst,min_ms,avg_ms,max_ms'");
        assertThatThrownBy(() ->
                        read("id,name,country,latitude,longitude\n1,A,SG,91,103.8\n", "src,dst,min_ms,avg_ms,max_ms\n"))
                .hasMessageContaining("hosts.csv:2: latitude must be a number in [-90, 90] degrees, got 91.0");
        assertThatThrownBy(() -> read(HOSTS + "1,C,CN,30,110\n", "src,dst,min_ms,avg_ms,max_ms\n"))
                .hasMessage("hosts.csv:4: host id '1' appears twice");
        assertThatThrownBy(() -> read(
                        "id,name,country,latitude,longitude\n1,A,Singapore,1,1\n", "src,dst,min_ms,avg_ms,max_ms\n"))
                .hasMessageContaining("hosts.csv:2: country must be an ISO 3166-1 alpha-2 code");
        assertThatThrownBy(() -> read(HOSTS, "src,dst,min_ms,avg_ms,max_ms\n1,2,5\n"))
                .hasMessage("rtt.csv:2: expected 5 fields (src,dst,min_ms,avg_ms,max_ms), got 3");
    }

    private static LatencyDataset read(String hosts, String rtt) throws Exception {
        return LatencyDataset.read(
                new BufferedReader(new StringReader(hosts)),
                "hosts.csv",
                new BufferedReader(new StringReader(rtt)),
                "rtt.csv");
    }
}
