package dev.locus.compliance;

import dev.locus.server.alerts.AlertService;
import dev.locus.server.registry.RegistryService;
import dev.locus.server.verdicts.VerdictQuery;
import java.util.List;

/**
 * The compliance half of Locus, as a module slot: it depends on the registry (parties and chips),
 * the alert service (red flags become alerts) and a read-only view of verdicts, and nothing of
 * HTTP; the server mounts it with its {@code ComplianceApi} route group. It offers no capability
 * yet: parties, ownership, screening and cases are the next issues. Thread-safe.
 */
public final class ComplianceModule {
    /** The module's name, as its status reports it. */
    public static final String NAME = "locus-compliance";

    private final RegistryService registry;
    private final AlertService alerts;
    private final VerdictQuery verdicts;

    public ComplianceModule(RegistryService registry, AlertService alerts, VerdictQuery verdicts) {
        this.registry = registry;
        this.alerts = alerts;
        this.verdicts = verdicts;
    }

    /**
     * What the module offers.
     *
     * @param module {@link #NAME}
     * @param capabilities the compliance capabilities served; none yet
     */
    public record Status(String module, List<String> capabilities) {
        public Status {
            capabilities = List.copyOf(capabilities);
        }
    }

    /** The module's status: up, with the capabilities it serves (none until the next issues). */
    public Status status() {
        return new Status(NAME, List.of());
    }
}
