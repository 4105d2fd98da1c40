package dev.locus.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.IssuedReceipts;
import dev.locus.server.ingest.ReceiptJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small fleet registered through the REST API, with signed receipts whose round trips the
 * verdict engine turns into real verdicts and alerts: honest chips in Singapore and Kuala Lumpur,
 * one chip diverted to Bangkok (OUTSIDE_ZONE), one in Beijing (IN_RESTRICTED), two not measured
 * yet (tests measure them later), and a landmark marked suspect. Chips are registered INSTALLED, so
 * the time-based rules (SILENT, UNVERIFIED) watch them.
 */
final class DemoFleet {
    static final String DIVERTED = "SG-H100-0099";
    static final String IN_CHINA = "SG-H200-0098";
    static final String NEVER_MEASURED = "KL-H100-0050";
    static final String MEASURED_LATE = "KL-H100-0051";
    static final List<String> HONEST_SG = List.of("SG-H100-0001", "SG-H100-0002", "SG-H100-0003", "SG-H100-0004");
    static final List<String> HONEST_KL = List.of("KL-H100-0001", "KL-H100-0002", "KL-H100-0003");
    static final int CHIPS = HONEST_SG.size() + HONEST_KL.size() + 4;

    /** Landmarks: id to {latitude, longitude}. */
    static final Map<String, double[]> LANDMARKS = new LinkedHashMap<>();

    static {
        LANDMARKS.put("lm-sin", new double[] {1.35, 103.82});
        LANDMARKS.put("lm-kul", new double[] {3.14, 101.69});
        LANDMARKS.put("lm-bkk", new double[] {13.75, 100.50});
        LANDMARKS.put("lm-hkg", new double[] {22.32, 114.17});
        LANDMARKS.put("lm-pek", new double[] {39.90, 116.40});
        LANDMARKS.put("lm-tyo", new double[] {35.68, 139.69});
        LANDMARKS.put("lm-syd", new double[] {-33.87, 151.21});
    }

    private final Http http;
    private final String admin;
    private final IssuedReceipts keys = new IssuedReceipts(37);

    DemoFleet(Http http, String admin) {
        this.http = http;
        this.admin = admin;
    }

    void register() {
        org("nvx", "NVX Corp", "EXPORTER", "US");
        org("sgdc", "Lion City Compute", "CLOUD_OPERATOR", "SG");
        org("mydc", "Selangor AI Cloud", "CLOUD_OPERATOR", "MY");
        site("sg-1", "Singapore Jurong DC", "sgdc", "SG", 1.33, 103.74, 80);
        site("kl-1", "Cyberjaya DC", "mydc", "MY", 2.92, 101.65, 80);
        licence("LIC-SG-2026-01", "sgdc", "sg-1", 20);
        licence("LIC-MY-2026-07", "mydc", "kl-1", 10);
        for (String s : HONEST_SG) {
            chip(s, "H100", "LIC-SG-2026-01", "sg-1");
        }
        chip(DIVERTED, "H100", "LIC-SG-2026-01", "sg-1");
        chip(IN_CHINA, "H200", "LIC-SG-2026-01", "sg-1");
        for (String s : HONEST_KL) {
            chip(s, "H200", "LIC-MY-2026-07", "kl-1");
        }
        chip(NEVER_MEASURED, "H200", "LIC-MY-2026-07", "kl-1");
        chip(MEASURED_LATE, "H200", "LIC-MY-2026-07", "kl-1");
        custody(DIVERTED, "RECEIVED", "sg-1", "2026-03-02T09:00:00Z", "Delivered by freight forwarder, seals intact");
        custody(DIVERTED, "INSTALLED", "sg-1", "2026-03-04T15:30:00Z", "Rack B12, server sn 7781-22");
        LANDMARKS.forEach(
                (id, p) -> landmark(id, id.substring(3).toUpperCase(java.util.Locale.ROOT) + " landmark", p[0], p[1]));
    }

    /** Submits receipts for every measured chip; the verdict engine assesses them shortly after. */
    void measure() {
        List<Map<String, Object>> receipts = new ArrayList<>();
        for (String s : HONEST_SG) {
            receipts.add(receipt("lm-sin", s, 0.3));
            receipts.add(receipt("lm-kul", s, 4.2));
            receipts.add(receipt("lm-bkk", s, 16.0));
        }
        for (String s : HONEST_KL) {
            receipts.add(receipt("lm-kul", s, 0.2));
            receipts.add(receipt("lm-sin", s, 3.9));
        }
        // 0.3 ms from Bangkok: within 45 km of it, 1,400 km from the declared Singapore site
        receipts.add(receipt("lm-bkk", DIVERTED, 0.3));
        receipts.add(receipt("lm-sin", DIVERTED, 15.1));
        receipts.add(receipt("lm-kul", DIVERTED, 13.2));
        receipts.add(receipt("lm-hkg", DIVERTED, 23.0));
        // 0.1 ms from the Beijing landmark: within 15 km of it
        receipts.add(receipt("lm-pek", IN_CHINA, 0.1));
        receipts.add(receipt("lm-hkg", IN_CHINA, 14.5));
        submit(receipts);
    }

    void submit(List<Map<String, Object>> receipts) {
        JsonNode r = http.ok("/api/v1/receipts", admin, receipts);
        assertThat(r.get("accepted").asInt()).as(r.toString()).isEqualTo(receipts.size());
    }

    Map<String, Object> receipt(String landmark, String chip, double rttMs) {
        long nanos = Math.round(rttMs * 1e6);
        return ReceiptJson.toJson(
                keys.sign(landmark, chip, List.of(nanos + 35_000, nanos, nanos + 12_000), Instant.now()));
    }

    void markSuspect(String landmark, String reason) {
        http.ok("/api/v1/landmarks/" + landmark + "/status", admin, Map.of("status", "SUSPECT", "reason", reason));
    }

    /** Issues a token of the role and returns its secret. */
    String token(String name, String role) {
        return http.ok("/api/v1/tokens", admin, Map.of("name", name, "role", role))
                .get("token")
                .asText();
    }

    void org(String id, String name, String kind, String country) {
        http.ok("/api/v1/organisations", admin, Map.of("id", id, "name", name, "kind", kind, "country", country));
    }

    void site(String id, String name, String operator, String country, double lat, double lon, double zoneKm) {
        http.ok(
                "/api/v1/sites",
                admin,
                Map.of(
                        "id", id,
                        "name", name,
                        "operator_id", operator,
                        "country", country,
                        "latitude_deg", lat,
                        "longitude_deg", lon,
                        "zone_radius_km", zoneKm));
    }

    void licence(String id, String endUser, String site, int chips) {
        http.ok(
                "/api/v1/licences",
                admin,
                Map.of(
                        "id",
                        id,
                        "exporter_id",
                        "nvx",
                        "end_user_id",
                        endUser,
                        "site_id",
                        site,
                        "chip_count",
                        chips,
                        "conditions",
                        "Operate only at the licensed site; no remote access from restricted countries.",
                        "valid_from",
                        "2026-01-01",
                        "valid_until",
                        "2027-12-31"));
    }

    void custody(String serial, String kind, String site, String at, String note) {
        http.ok(
                "/api/v1/chips/" + serial + "/custody-events",
                admin,
                Map.of("kind", kind, "site_id", site, "occurred_at", at, "note", note));
    }

    /** Registers an INSTALLED chip with this fleet's device key for it. */
    void chip(String serial, String model, String licence, String site) {
        chip(
                serial,
                model,
                Map.of(
                        "licence_id",
                        licence,
                        "declared_site_id",
                        site,
                        "status",
                        "INSTALLED",
                        "device_public_key",
                        deviceKey(serial)));
    }

    /** Registers chip {@code serial} of {@code model} with the other fields given. */
    void chip(String serial, String model, Map<String, ?> fields) {
        Map<String, Object> chip = new LinkedHashMap<>(fields);
        chip.put("serial", serial);
        chip.put("model", model);
        http.ok("/api/v1/chips", admin, chip);
    }

    /** This fleet's device public key for chip {@code serial}, in Base64. */
    String deviceKey(String serial) {
        return keys.deviceKey(serial).toBase64();
    }

    /** Registers a landmark at the position with this fleet's key for it. */
    void landmark(String id, String name, double lat, double lon) {
        http.ok(
                "/api/v1/landmarks",
                admin,
                Map.of(
                        "id", id,
                        "name", name,
                        "latitude_deg", lat,
                        "longitude_deg", lon,
                        "public_key", keys.landmark(id, lat, lon).toBase64()));
    }
}
