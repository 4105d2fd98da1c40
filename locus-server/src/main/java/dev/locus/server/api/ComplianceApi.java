package dev.locus.server.api;

import dev.locus.compliance.ComplianceModule;
import dev.locus.server.auth.Permission;

/** The compliance module's routes, mounted under {@code /api/v1/compliance}. */
public final class ComplianceApi implements HttpService {
    private final ComplianceModule compliance;

    public ComplianceApi(ComplianceModule compliance) {
        this.compliance = compliance;
    }

    @Override
    public void routing(RouteTable routes) {
        routes.get("/api/v1/compliance/status", Permission.READ, ctx -> ctx.json(compliance.status()));
    }
}
