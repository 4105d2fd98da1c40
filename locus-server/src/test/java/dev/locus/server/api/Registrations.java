package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registers, over the API, the records the API's tests share: exporter nvx, cloud operator sgdc,
 * its site sg-1 in Singapore, licence LIC-1 for ten chips there, chips and landmarks. Each call
 * asserts that the record was created.
 */
final class Registrations {
    private final ApiClient api;
    private final String admin;

    Registrations(ApiClient api, String admin) {
        this.api = api;
        this.admin = admin;
    }

    /** Posts {@code body} to {@code path} and asserts 201 Created. */
    ApiClient.Response created(String path, Map<String, Object> body) {
        ApiClient.Response r = api.postJson(path, admin, body);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(201);
        return r;
    }

    /**
     * Exporter nvx (US), operator sgdc named {@code operatorName} (SG), its site sg-1 "Singapore 1"
     * at 1.29, 103.85 with a zone of {@code zoneRadiusKm}, and licence LIC-1 for 10 chips there from
     * 2026-01-01 to 2027-12-31.
     */
    void licensedSingaporeSite(String operatorName, int zoneRadiusKm) {
        organisations(operatorName);
        singaporeSite(zoneRadiusKm);
        licence();
    }

    /** Exporter nvx (US) and cloud operator sgdc named {@code operatorName} (SG). */
    void organisations(String operatorName) {
        created("/api/v1/organisations", Map.of("id", "nvx", "name", "NVX", "kind", "EXPORTER", "country", "US"));
        created(
                "/api/v1/organisations",
                Map.of("id", "sgdc", "name", operatorName, "kind", "CLOUD_OPERATOR", "country", "SG"));
    }

    /** Site sg-1 "Singapore 1" of sgdc at 1.29, 103.85 with a zone of {@code zoneRadiusKm}. */
    void singaporeSite(int zoneRadiusKm) {
        created(
                "/api/v1/sites",
                ordered(
                        "id", "sg-1",
                        "name", "Singapore 1",
                        "operator_id", "sgdc",
                        "country", "SG",
                        "latitude_deg", 1.29,
                        "longitude_deg", 103.85,
                        "zone_radius_km", zoneRadiusKm));
    }

    /** Licence LIC-1 from nvx to sgdc for 10 chips at sg-1, 2026-01-01 to 2027-12-31. */
    void licence() {
        created(
                "/api/v1/licences",
                ordered(
                        "id", "LIC-1",
                        "exporter_id", "nvx",
                        "end_user_id", "sgdc",
                        "site_id", "sg-1",
                        "chip_count", 10,
                        "valid_from", "2026-01-01",
                        "valid_until", "2027-12-31"));
    }

    /** An H100 under LIC-1 declared at sg-1; {@code deviceKey} (base64) may be null for none. */
    void chip(String serial, String deviceKey) {
        Map<String, Object> body =
                ordered("serial", serial, "model", "H100", "licence_id", "LIC-1", "declared_site_id", "sg-1");
        if (deviceKey != null) {
            body.put("device_public_key", deviceKey);
        }
        created("/api/v1/chips", body);
    }

    /** A landmark with its Ed25519 public key (base64). */
    void landmark(String id, String name, double latitude, double longitude, String publicKey) {
        created(
                "/api/v1/landmarks",
                ordered(
                        "id", id,
                        "name", name,
                        "latitude_deg", latitude,
                        "longitude_deg", longitude,
                        "public_key", publicKey));
    }

    /** A mutable map keeping the order of the given keys and values. */
    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
