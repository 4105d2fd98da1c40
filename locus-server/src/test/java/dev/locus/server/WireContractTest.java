package dev.locus.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.server.auth.Role;
import dev.locus.server.ingest.ProtocolReceipts;
import dev.locus.server.ingest.ReceiptJson;
import dev.locus.server.ingest.Submission;
import dev.locus.server.mesh.PeerRoundTripJson;
import dev.locus.server.mesh.PeerSubmission;
import dev.locus.wire.PeerRoundTripSubmission;
import dev.locus.wire.ReceiptSubmission;
import dev.locus.wire.RegistryValues;
import dev.locus.wire.WireJson;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What clients write with {@code locus-wire} is what the control plane reads: a receipt or peer
 * round trip serialised by the wire types parses at the server into exactly the record the server
 * derives from the same signed receipt, and token roles are spelled alike on both sides (the registry's values are one definition,
 * {@link RegistryValues}).
 */
class WireContractTest {

    private final DevicePki pki = new DevicePki(7);
    private final Pkcs12DeviceKey device = pki.device("1650923000077", "NVIDIA H100 80GB HBM3");

    @Test
    void receiptWrittenByTheWireTypes_parsesAtTheServerAsTheSignedReceipt() throws Exception {
        SignedReceipt signed = pki.signedReceipt(
                device.identity().serial(),
                device.identity().model(),
                device.identity().fingerprint(),
                device::sign,
                List.of(2_100_000L, 1_950_000L),
                Instant.parse("2026-11-22T12:00:00.123456789Z"));
        JsonNode json = WireJson.mapper().readTree(WireJson.mapper().writeValueAsString(ReceiptSubmission.of(signed)));
        Submission parsed = ReceiptJson.parse(json);
        assertThat(parsed.malformed()).isEmpty();
        assertThat(parsed.receipt()).isEqualTo(ProtocolReceipts.toReceipt(signed));
        assertThat(json.path("measured_at").asText()).isEqualTo("2026-11-22T12:00:00.123456Z");
    }

    @Test
    void peerRoundTripWrittenByTheWireTypes_parsesAtTheServerAsTheSignedReceipt() throws Exception {
        SignedReceipt signed = pki.signedReceipt(
                "lm-peer",
                "landmark",
                device.identity().fingerprint(),
                device::sign,
                List.of(3_000_000L),
                Instant.parse("2026-11-22T12:00:00.5Z"));
        JsonNode json =
                WireJson.mapper().readTree(WireJson.mapper().writeValueAsString(PeerRoundTripSubmission.of(signed)));
        PeerSubmission parsed = PeerRoundTripJson.parse(json);
        PeerSubmission expected = PeerSubmission.of(signed);
        assertThat(parsed.malformed()).isEmpty();
        assertThat(parsed.measuringLandmarkId()).isEqualTo(expected.measuringLandmarkId());
        assertThat(parsed.measuredLandmarkId()).isEqualTo(expected.measuredLandmarkId());
        assertThat(parsed.rttMinNanos()).isEqualTo(expected.rttMinNanos());
        assertThat(parsed.measuredAt()).isEqualTo(expected.measuredAt());
        assertThat(parsed.signedReceiptBytes()).isEqualTo(expected.signedReceiptBytes());
    }

    @Test
    void tokenRoles_areSpelledAlikeByClientsAndServer() {
        assertThat(names(RegistryValues.Role.values())).isEqualTo(names(Role.values()));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
