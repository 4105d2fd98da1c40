package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.ControlPlane;
import dev.locus.server.auth.Permission;
import dev.locus.server.auth.Role;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, finding 3, in a small heap: the control plane runs as a child process with
 * {@code -Xmx256m} (the 250 MB array alone would not fit) and every POST route of its OpenAPI
 * document (which {@link OpenApiIT} proves equal to the served routes) gets endless and oversized
 * bodies, two per route and four at a time, as the least privileged role that may call it. The child must answer each
 * 400 or 413 (or 503 when the body budget is busy), keep answering {@code /health}, and never run
 * out of memory.
 */
class SmallHeapIT {
    @TempDir
    Path dataDir;

    @Test
    void aServerWith256MegabytesOfHeap_survivesConcurrentHostileBodiesOnEveryPostRoute() throws Exception {
        Path log = dataDir.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SmallHeapServer.class.getName(),
                        dataDir.resolve("data").toString())
                .redirectError(log.toFile())
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            int port = -1;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("PORT ")) {
                    port = Integer.parseInt(line.substring(5).strip());
                    break;
                }
            }
            assertThat(port)
                    .as("the child's port; its log: %s", Files.exists(log) ? Files.readString(log) : "")
                    .isPositive();
            String admin = Files.readString(dataDir.resolve("data").resolve(ControlPlane.ADMIN_TOKEN_FILE))
                    .strip();
            RoleFleet fleet = RoleFleet.remote(port, admin);
            JsonNode doc =
                    fleet.api.get("/api/v1/openapi.json", Optional.of(admin)).body();
            List<String[]> posts = new ArrayList<>();
            doc.path("paths").properties().forEach(p -> {
                JsonNode op = p.getValue().path("post");
                if (!op.isMissingNode()) {
                    Matcher m = Pattern.compile("Requires permission ([A-Z_]+)\\.")
                            .matcher(op.path("description").asText());
                    assertThat(m.find()).as(p.getKey()).isTrue();
                    posts.add(new String[] {p.getKey(), m.group(1)});
                }
            });
            assertThat(posts).hasSizeGreaterThan(15);

            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            int finalPort = port;
            HealthProbe health = HealthProbe.start(port, fleet.tokens.get(Role.AGENT), problems);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (String[] post : posts) {
                Permission permission = Permission.valueOf(post[1]);
                Role role = RoleFleet.LEAST_FIRST.stream()
                        .filter(r -> r.may(permission))
                        .filter(r -> !(r == Role.AGENT && post[0].startsWith("/api/v1/landmark-round-trips")))
                        .findFirst()
                        .orElseThrow();
                String path = post[0].replace("{serial}", "GPU-1")
                        .replace("{kind}", "chips")
                        .replace("{id}", post[0].startsWith("/api/v1/landmarks") ? "lm-1" : "1");
                Map<String, String> headers =
                        Map.of("Authorization", "Bearer " + fleet.tokens.get(role), "Content-Type", "application/json");
                for (int copy = 0; copy < 2; copy++) {
                    done.add(pool.submit(() -> {
                        for (var attack : List.of(
                                new Object[] {RawHttp.sized("[", "{\"landmark_id\":\"x\"},", 250_000_000L), 250_000_000L
                                },
                                new Object[] {RawHttp.endless("[", "{\"a\":\"" + "x".repeat(500) + "\"},"), -1L},
                                new Object[] {RawHttp.endless("[", " "), -1L},
                                new Object[] {RawHttp.endless("", "["), -1L})) {
                            @SuppressWarnings("unchecked")
                            var body = (java.util.Iterator<byte[]>) attack[0];
                            RawHttp.Reply r = RawHttp.send(finalPort, "POST", path, headers, body, (Long) attack[1]);
                            if (r.status() != 400 && r.status() != 413 && r.status() != 503) {
                                problems.add(path + " as " + role + ": " + r.status() + " " + r.body());
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
            pool.shutdown();
            health.stop();

            assertThat(child.isAlive())
                    .as("the child is alive; its log: %s", Files.readString(log))
                    .isTrue();
            assertThat(fleet.api.get("/health", Optional.of(admin)).status()).isEqualTo(200);
            assertThat(problems).isEmpty();
            assertThat(health.answers()).isPositive();
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }
}
