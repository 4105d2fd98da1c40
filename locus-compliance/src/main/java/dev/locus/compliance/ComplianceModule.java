package dev.locus.compliance;

import dev.locus.compliance.cases.CaseReport;
import dev.locus.compliance.cases.CaseService;
import dev.locus.compliance.findings.FindingStore;
import dev.locus.compliance.findings.RedFlagEvaluator;
import dev.locus.compliance.ownership.OwnershipReports;
import dev.locus.compliance.ownership.OwnershipService;
import dev.locus.compliance.parties.PartyDirectory;
import dev.locus.compliance.parties.PartyService;
import dev.locus.compliance.parties.RegisteredParty;
import dev.locus.compliance.record.RecordService;
import dev.locus.compliance.redflags.RedFlagPolicy;
import dev.locus.compliance.redflags.RedFlagRules;
import dev.locus.compliance.redflags.Subject;
import dev.locus.compliance.screening.ListSource;
import dev.locus.compliance.screening.ListUpdates;
import dev.locus.compliance.screening.ScreeningLists;
import dev.locus.compliance.screening.ScreeningService;
import dev.locus.screening.ownership.RuleTable;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.registry.RegistryService;
import dev.locus.server.verdicts.VerdictListener;
import dev.locus.server.verdicts.VerdictQuery;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The compliance half of Locus: registered parties and their ownership (with the dated ownership
 * rules of the screening library), and screening of every party against the lists (bundled, or a
 * folder's) with hits that people decide. The lists load on a background thread at start. It
 * depends on the core's database, audit log, registry, alert service and a read-only view of verdicts, and on nothing of HTTP; the server mounts it with its
 * {@code PartyApi} and {@code ComplianceApi} route groups. Thread-safe.
 */
public final class ComplianceModule implements AutoCloseable {
    /** The module's name, as its status reports it. */
    public static final String NAME = "locus-compliance";

    /** Who the audit log names for what the module does on its own (loading lists, re-screening). */
    public static final String SYSTEM_ACTOR = "system:screening";

    private final PartyService parties;
    private final OwnershipService ownership;
    private final RecordService record;
    private final ScreeningService screening;
    private final ListUpdates listUpdates;
    private final FindingStore findings;
    private final CaseService cases;
    private final RedFlagEvaluator redFlags;
    private final CaseReport reports;

    /**
     * Builds the module's services over the core's database, audit log, clock and JSON mapper, with the bundled rule
     * table, screening against the lists of {@code listSource} ({@link ListSource#bundled()}, or a
     * folder of official-format files that {@code POST /api/v1/screening/lists/reload} reads again).
     * They start loading on a background thread at once.
     *
     * @param registry the chip registry; not read yet (the red-flag view reads its tables directly)
     * @param alerts the alert service; not used yet (findings are the module's own)
     */
    public ComplianceModule(
            AuditedStore store,
            RegistryService registry,
            AlertService alerts,
            VerdictQuery verdicts,
            ListSource listSource) {
        this.parties = new PartyService(store);
        this.record = new RecordService(
                store,
                ids -> parties.findAll(ids).stream().map(RegisteredParty::id).collect(Collectors.toSet()));
        OwnershipReports reports = new OwnershipReports(RuleTable.bundled());
        this.ownership = new OwnershipService(store, reports);
        ListUpdates[] updates = new ListUpdates[1];
        ScreeningLists lists =
                new ScreeningLists(listSource, loaded -> updates[0].recordLoaded(loaded.versions(), SYSTEM_ACTOR));
        this.screening = new ScreeningService(store, lists, ownership);
        this.listUpdates = new ListUpdates(screening, parties);
        updates[0] = listUpdates;
        reports.useDesignations(screening);
        parties.addListener(screening);
        ownership.addListener(screening);
        // load now (one thread, progress logged), so that the first save need not wait; re-screen
        // the parties if the lists changed since the last run
        lists.startLoading();
        this.findings = new FindingStore(store);
        this.cases = new CaseService(store);
        this.redFlags =
                new RedFlagEvaluator(findings, RedFlagRules.all(), RedFlagPolicy.defaults(), verdicts, ownership);
        this.reports = new CaseReport(store, verdicts);
        redFlags.addListener(cases);
        record.addListener(redFlags);
        parties.addListener((c, party, actor) -> redFlags.touch(List.of(Subject.party(party.id()))));
        ownership.addListener((c, affected, actor) ->
                redFlags.touch(affected.stream().map(Subject::party).toList()));
    }

    /** Stops the red-flag worker. */
    @Override
    public void close() {
        redFlags.close();
    }

    /** Red-flag findings, stored and listed. */
    public FindingStore findings() {
        return findings;
    }

    /** Cases grouping the findings about one subject. */
    public CaseService cases() {
        return cases;
    }

    /** The credible-information report of a case. */
    public CaseReport reports() {
        return reports;
    }

    /** The incremental red-flag evaluation. */
    public RedFlagEvaluator redFlags() {
        return redFlags;
    }

    /** To be added to the verdict engine's listeners: a verdict re-evaluates its chip and the chip's buyers. */
    public VerdictListener verdictListener() {
        return redFlags;
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

    /** Screening: matching, hits and their decisions, list versions. */
    public ScreeningService screening() {
        return screening;
    }

    /** List updates: recording versions and re-screening every party against what changed. */
    public ListUpdates listUpdates() {
        return listUpdates;
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
        return new Status(
                NAME, List.of("parties", "ownership", "screening", "record", "red-flags", "findings", "cases"));
    }
}
