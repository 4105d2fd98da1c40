package dev.locus.compliance;

import dev.locus.compliance.ownership.OwnershipReports;
import dev.locus.compliance.ownership.OwnershipService;
import dev.locus.compliance.parties.PartyDirectory;
import dev.locus.compliance.parties.PartyService;
import dev.locus.compliance.parties.RegisteredParty;
import dev.locus.compliance.record.RecordService;
import dev.locus.screening.ownership.RuleTable;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.audit.AuditLog;
import dev.locus.server.persistence.Database;
import dev.locus.server.registry.RegistryService;
import dev.locus.server.verdicts.VerdictQuery;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The compliance half of Locus: registered parties and their ownership (with the dated ownership
 * rules of the screening library). It depends on the core's database, audit log, registry, alert
 * service and a read-only view of verdicts, and on nothing of HTTP; the server mounts it with its
 * {@code PartyApi} and {@code ComplianceApi} route groups. Thread-safe.
 */
public final class ComplianceModule {
    /** The module's name, as its status reports it. */
    public static final String NAME = "locus-compliance";

    private final RegistryService registry;
    private final AlertService alerts;
    private final VerdictQuery verdicts;
    private final PartyService parties;
    private final OwnershipService ownership;
    private final RecordService record;

    /** Builds the module's services over the core's database and audit log, with the bundled rule table. */
    public ComplianceModule(
            Database db,
            AuditLog audit,
            InstantSource clock,
            RegistryService registry,
            AlertService alerts,
            VerdictQuery verdicts) {
        this.registry = registry;
        this.alerts = alerts;
        this.verdicts = verdicts;
        this.parties = new PartyService(db, audit, clock);
        this.ownership = new OwnershipService(db, audit, clock, new OwnershipReports(RuleTable.bundled()));
        this.record = new RecordService(
                db,
                audit,
                ids -> parties.findAll(ids).stream().map(RegisteredParty::id).collect(Collectors.toSet()));
    }

    /** Registering, changing and removing parties. */
    public PartyService parties() {
        return parties;
    }

    /** Read access to parties for the other compliance packages (orders, shipments, red flags). */
    public PartyDirectory partyDirectory() {
        return parties;
    }

    /** Ownership links and aggregate ownership. */
    public OwnershipService ownership() {
        return ownership;
    }

    /** The commercial record: orders, shipments, allocations, site capacity. */
    public RecordService record() {
        return record;
    }

    /**
     * What the module offers.
     *
     * @param module {@link #NAME}
     * @param capabilities the compliance capabilities served
     */
    public record Status(String module, List<String> capabilities) {
        public Status {
            capabilities = List.copyOf(capabilities);
        }
    }

    /** The module's status: up, with the capabilities it serves. */
    public Status status() {
        return new Status(NAME, List.of("parties", "ownership", "record"));
    }
}
