package dev.locus.server.api;

import dev.locus.compliance.ComplianceModule;
import dev.locus.server.auth.Permission;

/** The compliance module's routes, mounted under {@code /api/v1/compliance}. */
public record ComplianceApi(ComplianceModule compliance) implements HttpService {
    @Override
    public void routing(RouteTable routes) {
        routes.get("/api/v1/compliance/status", Permission.READ, ctx -> ctx.json(compliance.status()));
    }
}
