package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.ControlPlane;
import dev.locus.server.auth.Role;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumMap;
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
        this(cp, cp.port(), LocalServer.adminToken(dataDir));
    }

    /** The fleet registered on a server running elsewhere (e.g. a child process). */
    static RoleFleet remote(int port, String admin) {
        return new RoleFleet(null, port, admin);
    }

    /** A server for fleets: H2 or PostgreSQL, loopback, rate limits out of the way. */
    static ControlPlane start(Path dataDir, String engine) {
        return LocalServer.controlPlane(dataDir, engine, c -> c.withRateLimits(100_000, 100_000));
    }

    private RoleFleet(ControlPlane cp, int port, String admin) {
        this.cp = cp;
        this.port = port;
        this.api = new ApiClient(port);
        this.admin = admin;
        Registrations registry = new Registrations(api, admin);
        registry.licensedSingaporeSite("SG DC", 50);
        registry.chip("GPU-1", null);
        registry.chip("GPU-2", null);
        for (String lm : List.of("lm-1", "lm-2")) {
            registry.landmark(
                    lm, "Landmark " + lm, 1.35, 103.82, Base64.getEncoder().encodeToString(new byte[32]));
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

    static Map<String, Object> ordered(Object... kv) {
        return Registrations.ordered(kv);
    }

    @Override
    public void close() {
        if (cp != null) {
            cp.close();
        }
    }
}
