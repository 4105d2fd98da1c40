package dev.locus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.bench.load.ProtocolBenchResult;
import dev.locus.wire.WireJson;
import org.junit.jupiter.api.Test;

/** {@code bench protocol --json} keeps the field names that docs/protocol.md's figures use. */
class ProtocolBenchJsonTest {
    @Test
    void theTypedResult_isWrittenUnderTheDocumentedNames() throws Exception {
        ProtocolBenchResult r = new ProtocolBenchResult(
                21.5,
                30.1,
                12000,
                10,
                12,
                31.5,
                42.1,
                30,
                40,
                100,
                100,
                12000,
                500,
                4,
                32,
                2,
                10,
                2,
                1.5,
                "25",
                "{}",
                new ProtocolBenchResult.Targets(50, 250, 10_000),
                true);
        JsonNode json = WireJson.mapper().readTree(WireJson.mapper().writeValueAsString(r));
        assertThat(json.get("overhead_p50_us").asDouble()).isEqualTo(21.5);
        assertThat(json.get("overhead_p99_us").asDouble()).isEqualTo(30.1);
        assertThat(json.get("verified_per_second").asLong()).isEqualTo(12000);
        assertThat(json.get("device_work_p50_us").asDouble()).isEqualTo(30);
        assertThat(json.get("load_average_1m_after").asDouble()).isEqualTo(1.5);
        assertThat(json.at("/targets/overhead_p99_us_max").asInt()).isEqualTo(250);
        assertThat(json.get("meets_targets").asBoolean()).isTrue();
        assertThat(json.size()).isEqualTo(23);
    }
}
