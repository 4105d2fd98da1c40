package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.ControlPlane;
import dev.locus.server.ServerConfig;
import dev.locus.server.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document the server serves against the server's real route table (every endpoint
 * Javalin serves, the dashboard's views included): nothing served is undocumented, nothing
 * documented is missing, and each operation names the permission the route really requires.
 */
class OpenApiIT {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");

    @TempDir
    static Path dataDir;

    private static ControlPlane cp;
    private static JsonNode doc;

    @BeforeAll
    static void start() throws Exception {
        cp = ControlPlane.start(
                ServerConfig.defaults(dataDir).withPort(0).withDatabase(TestDatabases.freshConfig("h2")),
                InstantSource.system());
        String admin =
                Files.readString(dataDir.resolve(ControlPlane.ADMIN_TOKEN_FILE)).strip();
        ApiClient.Response r = new ApiClient(cp.port()).get("/api/v1/openapi.json", Optional.of(admin));
        assertThat(r.status()).isEqualTo(200);
        doc = r.body();
    }

    @AfterAll
    static void stop() {
        cp.close();
    }

    /** {@code METHOD path} to the permission named in the operation's description. */
    private static Map<String, String> documented() {
        Map<String, String> out = new TreeMap<>();
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    if (METHODS.contains(op.getKey())) {
                        String description = op.getValue().path("description").asText("");
                        Matcher m = Pattern.compile("Requires permission ([A-Z_]+)\\.")
                                .matcher(description);
                        out.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), m.find() ? m.group(1) : "");
                    }
                }));
        return out;
    }

    @Test
    void everyServedRoute_isDocumented_andEveryDocumentedRoute_isServed() {
        Set<String> served = new TreeSet<>(cp.api().routeSignatures());
        Set<String> documented = documented().keySet();

        assertThat(served)
                .as("the route table holds the API's and the dashboard's routes")
                .contains("GET /api/v1/chips/{serial}", "GET /api/v1/dashboard/summary");
        List<String> undocumented = new ArrayList<>(served);
        undocumented.removeAll(documented);
        List<String> phantom = new ArrayList<>(documented);
        phantom.removeAll(served);
        assertThat(Map.of(
                        "served but missing from openapi.json",
                        undocumented,
                        "in openapi.json but not served",
                        phantom))
                .allSatisfy((what, routes) -> assertThat(routes).as(what).isEmpty());
    }

    @Test
    void everyOperation_namesThePermissionItsRouteRequires() {
        Map<String, String> documented = documented();
        for (RouteTable.Route route : cp.api().routes()) {
            assertThat(route.permission())
                    .as("%s requires a permission", route.signature())
                    .isPresent();
            assertThat(documented.get(route.signature()))
                    .as("permission documented for %s", route.signature())
                    .isEqualTo(route.permission().get().name());
        }
    }

    @Test
    void everyOperation_hasASummaryATagAndTheErrorResponses() {
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    String where = op.getKey() + " " + path.getKey();
                    assertThat(op.getValue().path("summary").asText(""))
                            .as("summary of %s", where)
                            .isNotBlank();
                    assertThat(op.getValue().path("tags").size())
                            .as("tags of %s", where)
                            .isPositive();
                    assertThat(op.getValue().path("responses").has("401"))
                            .as("401 of %s", where)
                            .isTrue();
                    for (String param : pathParameters(path.getKey())) {
                        assertThat(declaresPathParameter(op.getValue(), param))
                                .as("%s declares its path parameter %s", where, param)
                                .isTrue();
                    }
                }));
    }

    private static List<String> pathParameters(String path) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([a-z_]+)}").matcher(path);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static boolean declaresPathParameter(JsonNode op, String name) {
        for (JsonNode p : op.path("parameters")) {
            JsonNode resolved = p.has("$ref") ? resolve(p.get("$ref").asText()) : p;
            if (resolved.path("in").asText().equals("path")
                    && resolved.path("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode resolve(String ref) {
        JsonNode n = doc;
        for (String part : ref.substring(2).split("/")) {
            n = n.path(part);
        }
        return n;
    }

    @Test
    void theComplianceSlot_isMountedByItsRouteGroup_andAnswersItsStatus() throws Exception {
        String admin =
                Files.readString(dataDir.resolve(ControlPlane.ADMIN_TOKEN_FILE)).strip();
        ApiClient.Response r = new ApiClient(cp.port()).get("/api/v1/compliance/status", Optional.of(admin));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("module").asText()).isEqualTo("locus-compliance");
        assertThat(r.body().path("capabilities").isArray()).isTrue();
    }
}
