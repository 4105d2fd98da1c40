package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.auth.Role;
import dev.locus.server.ingest.RejectionAccounting;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, finding 4: a flood of junk receipts is refused as its submitter's, counted in full, and
 * grows the database by a bounded number of rows; junk naming another chip or landmark is refused
 * as not authorised and never stored under, or counted against, what it names.
 */
class RejectionAccountingIT {
    @TempDir
    Path dataDir;

    private RoleFleet fleet;

    @BeforeEach
    void start() throws Exception {
        fleet = new RoleFleet(dataDir, "h2");
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private static String junk(int n, String chip, String landmark) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"chip_serial\":\"")
                    .append(chip)
                    .append("\",\"landmark_id\":\"")
                    .append(landmark)
                    .append("\",\"nonce\":\"junk")
                    .append(i)
                    .append("\"}");
        }
        return sb.append(']').toString();
    }

    private ApiClient.Response submit(Role role, String body) {
        return fleet.api.post("/api/v1/receipts", Optional.of(fleet.tokens.get(role)), "application/json", body);
    }

    private long count(String sql) {
        return fleet.cp.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private JsonNode landmarkView(String id) {
        JsonNode items = fleet.api
                .get("/api/v1/dashboard/landmarks", Optional.of(fleet.admin))
                .body()
                .path("items");
        for (JsonNode n : items) {
            if (n.path("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("landmark " + id + " not in the dashboard's view: " + items);
    }

    @Test
    void receiptsNamingAnotherChip_areRefusedAsNotAuthorised_beforeAnyOtherCheck_andStoredUnderNoOne() {
        ApiClient.Response r = submit(Role.AGENT, junk(50, "GPU-2", "lm-2"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("rejected").asInt()).isEqualTo(50);
        List<String> reasons = new ArrayList<>();
        r.body().path("results").forEach(n -> reasons.add(n.path("reason").asText()));
        assertThat(reasons)
                .as("authorisation first, though each is also malformed")
                .containsOnly("NOT_AUTHORISED");
        assertThat(fleet.api
                        .get("/api/v1/receipts?chip_serial=GPU-2", Optional.of(fleet.admin))
                        .body()
                        .path("items"))
                .as("nothing stored under the chip the junk names")
                .isEmpty();
        assertThat(count("SELECT COUNT(*) FROM receipts WHERE chip_serial = 'GPU-2' OR landmark_id = 'lm-2'"))
                .isZero();
        assertThat(landmarkView("lm-2").path("receipts_rejected").asLong()).isZero();
        assertThat(count("SELECT COUNT(*) FROM receipts WHERE status = 'REJECTED' AND rejection_detail LIKE"
                        + " 'claims landmark ''lm-2'' and chip ''GPU-2''%'"))
                .as("the claim is kept in the sampled rows' detail")
                .isPositive();
    }

    @Test
    void aFloodOfJunk_isCountedInFull_growsTheDatabaseBoundedly_andBlamesNoLandmark() {
        long receiptsBefore = count("SELECT COUNT(*) FROM receipts");
        int requests = 10;
        for (int i = 0; i < requests; i++) {
            ApiClient.Response r = submit(Role.AGENT, junk(5_000, "GPU-1", "lm-1"));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.body().path("rejected").asInt()).isEqualTo(5_000);
        }
        ApiClient.Response other = submit(Role.AGENT, junk(5_000, "GPU-2", "lm-1"));
        assertThat(other.body().path("rejected").asInt()).isEqualTo(5_000);

        long windows = count("SELECT COUNT(DISTINCT window_start) FROM receipt_rejections");
        long reasons = count("SELECT COUNT(DISTINCT reason) FROM receipt_rejections");
        long stored = count("SELECT COUNT(*) FROM receipts") - receiptsBefore;
        System.out.printf(
                "%d junk receipts: %d counter rows, %d receipt rows stored (%d reasons, %d hour windows)%n",
                (requests + 1) * 5_000, count("SELECT COUNT(*) FROM receipt_rejections"), stored, reasons, windows);
        assertThat(count("SELECT SUM(rejected) FROM receipt_rejections"))
                .as("every rejection is counted")
                .isEqualTo((requests + 1) * 5_000L);
        assertThat(count("SELECT SUM(stored) FROM receipt_rejections")).isEqualTo(stored);
        assertThat(stored)
                .as("rows stored for 55,000 rejections")
                .isPositive()
                .isLessThanOrEqualTo(RejectionAccounting.SAMPLE_PER_WINDOW * reasons * windows);
        assertThat(count("SELECT COUNT(*) FROM receipt_rejections")).isLessThanOrEqualTo(reasons * windows);

        JsonNode counters = fleet.api
                .get("/api/v1/receipt-rejections", Optional.of(fleet.tokens.get(Role.AUDITOR)))
                .body();
        assertThat(counters.path("items"))
                .allSatisfy(n -> assertThat(n.path("submitted_by").asText()).startsWith("agent GPU-1 ("));
        assertThat(counters.path("items").findValuesAsText("reason")).contains("MALFORMED", "NOT_AUTHORISED");

        assertThat(landmarkView("lm-1").path("receipts_rejected").asLong())
                .as("an agent's junk naming lm-1 is not lm-1's")
                .isZero();
    }

    @Test
    void junkFromALandmarksOwnToken_isThatLandmarks() {
        ApiClient.Response r = submit(Role.LANDMARK, junk(10, "GPU-1", "lm-1"));

        assertThat(r.body().path("rejected").asInt()).isEqualTo(10);
        assertThat(landmarkView("lm-1").path("receipts_rejected").asLong())
                .as("the landmark's own token proves the submission is the landmark's")
                .isEqualTo(10);
        ApiClient.Response foreign = submit(Role.LANDMARK, junk(10, "GPU-1", "lm-2"));
        assertThat(foreign.body().path("results").get(0).path("reason").asText())
                .isEqualTo("NOT_AUTHORISED");
        assertThat(landmarkView("lm-2").path("receipts_rejected").asLong()).isZero();
    }

    @Test
    void tokenRotation_overTheApi_switchesTheSecret() {
        String oldAgent = fleet.tokens.get(Role.AGENT);
        String id = oldAgent.split("_")[1];
        ApiClient.Response rot = fleet.api.postJson("/api/v1/tokens/" + id + "/rotate", fleet.admin, Map.of());

        assertThat(rot.status()).as(rot.text()).isEqualTo(201);
        assertThat(rot.body().path("rotated_from").asText()).isEqualTo(id);
        assertThat(rot.body().path("bound_subject").asText()).isEqualTo("GPU-1");
        assertThat(fleet.api
                        .get("/health", Optional.of(rot.body().path("token").asText()))
                        .status())
                .isEqualTo(200);
        ApiClient.Response refused = fleet.api.get("/health", Optional.of(oldAgent));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(fleet.api
                        .postJson(
                                "/api/v1/tokens",
                                fleet.admin,
                                Map.of("name", "old", "role", "AUDITOR", "expires_at", "2001-01-01T00:00:00Z"))
                        .code())
                .isEqualTo("VALIDATION_FAILED");
        ApiClient.Response expiring = fleet.api.postJson(
                "/api/v1/tokens",
                fleet.admin,
                Map.of("name", "temp", "role", "AUDITOR", "expires_at", "2030-01-01T00:00:00Z"));
        assertThat(expiring.status()).as(expiring.text()).isEqualTo(201);
        assertThat(expiring.body().path("expires_at").asText()).isEqualTo("2030-01-01T00:00:00Z");
    }
}
