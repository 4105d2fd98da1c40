package dev.locus.sim.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.sim.latency.LatencyDataset;
import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ClaimsFileTest {

    private static final LatencyDataset DATA = LatencyDataset.bundled();

    @Test
    void aDeviceMayClaimSeveralSites() throws Exception {
        var claims = ClaimsFile.read(
                reader("device_id,latitude,longitude\n221,1.3667,103.75\n221,3.1333,101.6833\n"), "c.csv", DATA);
        assertThat(claims).hasSize(2).allSatisfy(c -> assertThat(c.deviceId()).isEqualTo("221"));
    }

    @Test
    void badClaims_nameLineAndField() {
        assertThatThrownBy(() -> ClaimsFile.read(reader("device_id,latitude,longitude\n9999,1,1\n"), "c.csv", DATA))
                .hasMessage("c.csv:2: device_id '9999' is not a host of the data set");
        assertThatThrownBy(() -> ClaimsFile.read(reader("device_id,latitude,longitude\n221,x,1\n"), "c.csv", DATA))
                .hasMessage("c.csv:2: latitude must be a number, got 'x'");
        assertThatThrownBy(() -> ClaimsFile.read(reader("device_id,latitude,longitude\n221,1,200\n"), "c.csv", DATA))
                .hasMessageContaining("c.csv:2: longitude must be a number in [-180, 180]");
        assertThatThrownBy(() -> ClaimsFile.read(reader("id,lat,lon\n"), "c.csv", DATA))
                .hasMessageContaining("c.csv:1: header must be 'device_id,latitude,longitude'");
    }

    private static BufferedReader reader(String s) {
        return new BufferedReader(new StringReader(s));
    }
}
