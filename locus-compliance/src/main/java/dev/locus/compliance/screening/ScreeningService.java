package dev.locus.compliance.screening;

import dev.locus.compliance.outcome.Outcome;
import dev.locus.compliance.ownership.DesignationSource;
import dev.locus.compliance.ownership.OwnershipListener;
import dev.locus.compliance.ownership.OwnershipReport;
import dev.locus.compliance.ownership.OwnershipService;
import dev.locus.compliance.parties.PartyListener;
import dev.locus.compliance.parties.PartyService;
import dev.locus.compliance.parties.RegisteredParty;
import dev.locus.screening.match.Query;
import dev.locus.screening.match.ScreeningMatch;
import dev.locus.screening.ownership.Designation;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.common.Page;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Screening in the control plane: every party screened when saved (its names and aliases against
 * the shared {@link ScreeningLists}), ownership rules re-applied below a party whose designations or
 * ownership changed, hits kept with their lifecycle ({@link HitLifecycle}) and decided by people.
 * Thread-safe.
 */
public final class ScreeningService implements PartyListener, OwnershipListener, DesignationSource {
    private final AuditedStore store;
    private final HitLifecycle lifecycle;
    private final ScreeningLists lists;
    private final OwnershipService ownership;
    private final Duration waitForLists;

    public ScreeningService(AuditedStore store, ScreeningLists lists, OwnershipService ownership) {
        this(store, lists, ownership, DEFAULT_WAIT_FOR_LISTS);
    }

    /**
     * @param waitForLists how long a screening (a party save, a match) waits for lists still loading
     *     before it is refused with {@link ScreeningListsUnavailableException}
     */
    public ScreeningService(
            AuditedStore store, ScreeningLists lists, OwnershipService ownership, Duration waitForLists) {
        this.store = store;
        this.lifecycle = new HitLifecycle(store.audit());
        this.lists = lists;
        this.ownership = ownership;
        this.waitForLists = waitForLists;
    }

    /**
     * How long a screening waits for the lists when they are still loading: long enough for a slow
     * start on a busy machine, so saves made just after start wait and then screen.
     */
    public static final Duration DEFAULT_WAIT_FOR_LISTS = Duration.ofMinutes(5);

    /** The shared lists (loading them if they are not yet). */
    public ScreeningLists lists() {
        return lists;
    }

    /** Screens a batch of queries against the loaded lists: the candidates at or above REVIEW of each. */
    public List<List<ScreeningMatch>> match(List<Query> queries) {
        var screener = screener();
        return queries.stream().map(screener::screen).toList();
    }

    @Override
    public void partySaved(Connection c, RegisteredParty party, String actor) throws SQLException {
        screen(c, party, actor);
        reassessOwnershipBelow(c, Set.of(party.id()), actor);
    }

    /**
     * A party being deleted takes its undecided unknown-ownership hit with it (derived from the party
     * alone, it would otherwise keep every organisation from being deleted); list matches and decided
     * hits stay, and keep the party registered.
     */
    @Override
    public void partyDeleting(Connection c, String partyId, String actor) throws SQLException {
        if (HitStore.deleteUndecided(c, partyId, Candidates.UNKNOWN_OWNERSHIP)) {
            store.audit()
                    .append(
                            c,
                            actor,
                            "screening.hit.withdrawn",
                            "party",
                            partyId,
                            Map.of("subject_key", Candidates.UNKNOWN_OWNERSHIP, "reason", "party deleted"));
        }
    }

    @Override
    public void ownershipChanged(Connection c, Set<String> affected, String actor) throws SQLException {
        for (String id : affected) {
            reassessOwnership(c, id, actor);
        }
    }

    @Override
    public List<Designation> designationsOf(Connection c, Collection<String> partyIds) throws SQLException {
        return HitStore.designations(c, partyIds);
    }

    /** Screens one party in the caller's transaction and reconciles its list hits. */
    List<HitChange> screen(Connection c, RegisteredParty party, String actor) throws SQLException {
        var screener = screener();
        Map<String, Candidate> found = Candidates.listMatches(party, screener::screen);
        return lifecycle.reconcile(c, party.id(), Hit.Kind.LIST_MATCH, found, key -> true, actor, store.now());
    }

    /**
     * The screener, waiting for lists still loading (the wait shows in {@link ScreeningLists#status}).
     *
     * @throws ScreeningListsUnavailableException when they failed to load or are still loading after
     *     the wait allowed
     */
    private dev.locus.screening.match.Screener screener() {
        return lists.awaitLoaded(waitForLists)
                .orElseThrow(() -> new ScreeningListsUnavailableException("the screening lists from "
                        + lists.source().description() + " are still loading after " + waitForLists.toSeconds()
                        + " s; nothing was saved; retry when GET /api/v1/screening/lists says READY"))
                .screener();
    }

    /** Re-applies the ownership rules to {@code parties} and everything they own. */
    void reassessOwnershipBelow(Connection c, Collection<String> parties, String actor) throws SQLException {
        for (String id : OwnershipService.partiesBelow(c, parties)) {
            reassessOwnership(c, id, actor);
        }
    }

    private void reassessOwnership(Connection c, String partyId, String actor) throws SQLException {
        Optional<OwnershipReport> report = ownership.report(c, partyId, ownership.today());
        Optional<RegisteredParty> party =
                PartyService.findAll(c, List.of(partyId)).stream().findFirst();
        if (report.isEmpty() || party.isEmpty()) {
            return;
        }
        Map<String, Candidate> found = Candidates.ownership(party.get(), report.get());
        lifecycle.reconcile(c, partyId, Hit.Kind.OWNERSHIP, found, key -> true, actor, store.now());
    }

    /** The hits {@code filter} selects, in id order. */
    public Page<Hit> hits(HitFilter filter, long afterId, int limit) {
        return store.db().read(c -> HitStore.page(c, filter.conditions(), afterId, limit));
    }

    public Optional<Hit> hit(long id) {
        return store.db().read(c -> HitStore.byId(c, id, false));
    }

    /**
     * Confirms or dismisses a hit; a person may change an earlier decision with a new reason. A hit
     * that is GONE (no longer matches) or already in the asked status is a conflict. Deciding a list
     * hit changes the party's designations, so the ownership rules are re-applied below it.
     */
    public Outcome<Hit> decide(long id, HitDecision decision, String actor) {
        return store.db().inTransaction(c -> {
            Optional<Hit> stored = HitStore.byId(c, id, true);
            if (stored.isEmpty()) {
                return Outcome.notFound("screening hit", Long.toString(id));
            }
            Hit h = stored.get();
            Hit.Status to = decision.verdict().status();
            if (h.status() == Hit.Status.GONE) {
                return Outcome.conflict("hit " + id + " no longer matches (GONE); there is nothing to decide");
            }
            if (h.status() == to) {
                return Outcome.conflict("hit " + id + " is already " + to);
            }
            HitStore.decide(c, id, to, actor, decision.reason(), store.now());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("hit_id", id);
            d.put("subject_key", h.subjectKey());
            d.put("previous_status", h.status().name());
            d.put("status", to.name());
            d.put("reason", decision.reason());
            store.audit()
                    .append(
                            c,
                            actor,
                            "screening.hit." + (to == Hit.Status.CONFIRMED ? "confirmed" : "dismissed"),
                            "party",
                            h.partyId(),
                            d);
            if (h.kind() == Hit.Kind.LIST_MATCH) {
                reassessOwnershipBelow(c, Set.of(h.partyId()), actor);
            }
            return Outcome.done(HitStore.byId(c, id, false).orElseThrow());
        });
    }

    /** The list versions screened against, newest first. */
    public List<StoredListVersion> listVersions() {
        return store.db().read(ListVersionStore::all);
    }

    /** The database, audit log and clock the list updates share with screening. */
    AuditedStore store() {
        return store;
    }

    HitLifecycle lifecycle() {
        return lifecycle;
    }
}
