package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.ControlPlane;
import dev.locus.server.ServerConfig;
import dev.locus.server.TestDatabases;
import dev.locus.server.auth.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A control plane on a loopback port with a small registry (an organisation, a site, a licence,
 * chip GPU-1 and landmark lm-1) and one token per role: AGENT bound to GPU-1, LANDMARK to lm-1.
 * Rate limits are high so floods measure the body limits, not the rate limiter.
 */
final class RoleFleet implements AutoCloseable {
    /** Roles from the least to the most privileged. */
    static final List<Role> LEAST_FIRST =
            List.of(Role.AGENT, Role.LANDMARK, Role.AUDITOR, Role.COMPLIANCE_OFFICER, Role.ADMIN);

    /** Null for a server in another process. */
    final ControlPlane cp;

    final int port;
    final ApiClient api;
    final String admin;
    final Map<Role, String> tokens = new EnumMap<>(Role.class);

    RoleFleet(Path dataDir, String engine) throws Exception {
        this(start(dataDir, engine), dataDir);
    }

    private RoleFleet(ControlPlane cp, Path dataDir) throws Exception {
        this(
                cp,
                cp.port(),
                Files.readString(dataDir.resolve(ControlPlane.ADMIN_TOKEN_FILE)).strip());
    }

    /** The fleet registered on a server running elsewhere (e.g. a child process). */
    static RoleFleet remote(int port, String admin) {
        return new RoleFleet(null, port, admin);
    }

    /** A server for fleets: H2 or PostgreSQL, loopback, rate limits out of the way. */
    static ControlPlane start(Path dataDir, String engine) {
        return ControlPlane.start(
                ServerConfig.defaults(dataDir)
                        .withPort(0)
                        .withDatabase(TestDatabases.freshConfig(engine))
                        .withRateLimits(100_000, 100_000),
                InstantSource.system());
    }

    private RoleFleet(ControlPlane cp, int port, String admin) {
        this.cp = cp;
        this.port = port;
        this.api = new ApiClient(port);
        this.admin = admin;
        created("/api/v1/organisations", Map.of("id", "nvx", "name", "NVX", "kind", "EXPORTER", "country", "US"));
        created(
                "/api/v1/organisations",
                Map.of("id", "sgdc", "name", "SG DC", "kind", "CLOUD_OPERATOR", "country", "SG"));
        created(
                "/api/v1/sites",
                ordered(
                        "id",
                        "sg-1",
                        "name",
                        "Singapore 1",
                        "operator_id",
                        "sgdc",
                        "country",
                        "SG",
                        "latitude_deg",
                        1.29,
                        "longitude_deg",
                        103.85,
                        "zone_radius_km",
                        50));
        created(
                "/api/v1/licences",
                ordered(
                        "id",
                        "LIC-1",
                        "exporter_id",
                        "nvx",
                        "end_user_id",
                        "sgdc",
                        "site_id",
                        "sg-1",
                        "chip_count",
                        10,
                        "valid_from",
                        "2026-01-01",
                        "valid_until",
                        "2027-12-31"));
        created(
                "/api/v1/chips",
                ordered("serial", "GPU-1", "model", "H100", "licence_id", "LIC-1", "declared_site_id", "sg-1"));
        created(
                "/api/v1/chips",
                ordered("serial", "GPU-2", "model", "H100", "licence_id", "LIC-1", "declared_site_id", "sg-1"));
        for (String lm : List.of("lm-1", "lm-2")) {
            created(
                    "/api/v1/landmarks",
                    ordered(
                            "id",
                            lm,
                            "name",
                            "Landmark " + lm,
                            "latitude_deg",
                            1.35,
                            "longitude_deg",
                            103.82,
                            "public_key",
                            Base64.getEncoder().encodeToString(new byte[32])));
        }
        tokens.put(Role.ADMIN, admin);
        tokens.put(Role.AGENT, issue("agent GPU-1", Role.AGENT, "GPU-1"));
        tokens.put(Role.LANDMARK, issue("landmark lm-1", Role.LANDMARK, "lm-1"));
        tokens.put(Role.AUDITOR, issue("auditor", Role.AUDITOR, null));
        tokens.put(Role.COMPLIANCE_OFFICER, issue("officer", Role.COMPLIANCE_OFFICER, null));
    }

    String issue(String name, Role role, String bound) {
        Map<String, Object> body = ordered("name", name, "role", role.name());
        if (bound != null) {
            body.put("bound_subject", bound);
        }
        ApiClient.Response r = api.postJson("/api/v1/tokens", admin, body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().path("token").asText();
    }

    /** The least privileged role that may call a route requiring {@code p}, and its token. */
    Map.Entry<Role, String> leastPrivileged(dev.locus.server.auth.Permission p) {
        for (Role r : LEAST_FIRST) {
            if (r.may(p)) {
                return Map.entry(r, tokens.get(r));
            }
        }
        throw new IllegalStateException("no role may " + p);
    }

    private void created(String path, Map<String, Object> body) {
        ApiClient.Response r = api.postJson(path, admin, body);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(201);
    }

    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Override
    public void close() {
        if (cp != null) {
            cp.close();
        }
    }
}
