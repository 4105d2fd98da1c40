package dev.locus.server.api;

import dev.locus.server.LocusServerException;
import dev.locus.server.auth.Permission;
import dev.locus.server.persistence.Database;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Operating the server: {@code /health}, Prometheus {@code /metrics} and the OpenAPI document. */
public final class OperationsApi implements HttpService {
    private static final Logger LOG = LoggerFactory.getLogger(OperationsApi.class);

    private final Database db;
    private final PrometheusMeterRegistry metrics;
    private final String openApi;

    public OperationsApi(Database db, PrometheusMeterRegistry metrics) {
        this.db = db;
        this.metrics = metrics;
        this.openApi = loadOpenApi();
    }

    @Override
    public void routing(RouteTable routes) {
        routes.get("/health", Permission.HEALTH, this::health);
        routes.get(
                "/metrics",
                Permission.OPERATE,
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()));
        routes.get(
                "/api/v1/openapi.json",
                Permission.HEALTH,
                ctx -> ctx.contentType("application/json").result(openApi));
    }

    private void health(Context ctx) {
        boolean dbUp;
        try {
            dbUp = db.read(c -> c.isValid(2));
        } catch (LocusServerException e) {
            LOG.warn("health check: database unreachable: {}", e.getMessage());
            dbUp = false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", dbUp ? "UP" : "DOWN");
        body.put("database", dbUp ? "UP" : "DOWN");
        ctx.status(dbUp ? 200 : 503).json(body);
    }

    private static String loadOpenApi() {
        try (InputStream in = ApiServer.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read openapi.json", e);
        }
    }
}
