package dev.locus.compliance.ownership;

import dev.locus.compliance.outcome.Outcome;
import dev.locus.compliance.parties.PartyService;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Ownership links between registered parties, and the aggregate ownership computed over them with
 * the screening library's dated ownership rules ({@link OwnershipReports}). Each change is one
 * durable transaction with its audit entry and what its {@link OwnershipListener}s derive.
 * Thread-safe.
 */
public final class OwnershipService {
    private static final double EPS = 1e-9;

    private final AuditedStore store;
    private final OwnershipReports reports;
    private final List<OwnershipListener> listeners = new CopyOnWriteArrayList<>();

    public OwnershipService(AuditedStore store, OwnershipReports reports) {
        this.store = store;
        this.reports = reports;
    }

    public void addListener(OwnershipListener listener) {
        listeners.add(listener);
    }

    /** Today in UTC, on the injected clock: the date reports use when none is asked. */
    public LocalDate today() {
        return store.today();
    }

    /**
     * Records that {@code in.ownerId()} holds a share of {@code ownedId}; a conflict when the owned
     * party's direct owners would then hold more than 100 % on some date.
     *
     * @throws InvalidInputException when the owner is not a registered party or is the owned party
     */
    public Outcome<StoredLink> addLink(String ownedId, LinkInput in, String actor) {
        return store.db().inTransaction(c -> {
            if (PartyService.findForUpdate(c, ownedId).isEmpty()) {
                return Outcome.notFound("party", ownedId);
            }
            if (in.ownerId().equals(ownedId)) {
                throw invalidOwner(in.ownerId(), "must be another party than the owned one");
            }
            if (PartyService.findAll(c, List.of(in.ownerId())).isEmpty()) {
                throw invalidOwner(in.ownerId(), "is not a registered party");
            }
            List<StoredLink> existing = LinkStore.ownersOf(c, List.of(ownedId));
            Optional<String> over = overHundred(existing, in);
            if (over.isPresent()) {
                return Outcome.conflict(over.get());
            }
            StoredLink link = LinkStore.insert(c, ownedId, in, store.now());
            store.audit().append(c, actor, "ownership.link", "party", ownedId, details(link));
            changed(c, ownedId, actor);
            return Outcome.done(link);
        });
    }

    /** Removes one of {@code ownedId}'s ownership links. */
    public Outcome<StoredLink> removeLink(String ownedId, long linkId, String actor) {
        return store.db().inTransaction(c -> {
            if (PartyService.findForUpdate(c, ownedId).isEmpty()) {
                return Outcome.notFound("party", ownedId);
            }
            Optional<StoredLink> link = LinkStore.ownersOf(c, List.of(ownedId)).stream()
                    .filter(l -> l.id() == linkId)
                    .findFirst();
            if (link.isEmpty()) {
                return Outcome.notFound("ownership link of party " + ownedId, Long.toString(linkId));
            }
            LinkStore.delete(c, linkId);
            store.audit().append(c, actor, "ownership.unlink", "party", ownedId, details(link.get()));
            changed(c, ownedId, actor);
            return Outcome.done(link.get());
        });
    }

    /** The party's direct ownership links (all dates), oldest first. */
    public List<StoredLink> directOwners(String ownedId) {
        return store.db().read(c -> LinkStore.ownersOf(c, List.of(ownedId)));
    }

    /** Who owns the party on {@code on}, with paths and rule findings; empty for an unknown party. */
    public Optional<OwnershipReport> report(String partyId, LocalDate on) {
        return store.db().read(c -> reports.report(c, partyId, on));
    }

    private void changed(Connection c, String ownedId, String actor) throws SQLException {
        Set<String> affected = LinkStore.partiesBelow(c, List.of(ownedId));
        for (OwnershipListener l : listeners) {
            l.ownershipChanged(c, affected, actor);
        }
    }

    /** Where the direct owners would hold more than 100 % with the new link, said in words. */
    static Optional<String> overHundred(List<StoredLink> existing, LinkInput in) {
        if (!in.direct()) {
            return Optional.empty();
        }
        List<StoredLink> direct = existing.stream().filter(StoredLink::direct).toList();
        Set<LocalDate> starts = new TreeSet<>();
        starts.add(in.validity().from().orElse(LocalDate.MIN));
        for (StoredLink l : direct) {
            starts.add(l.validity().from().orElse(LocalDate.MIN));
        }
        for (LocalDate d : starts) {
            if (!in.validity().contains(d)) {
                continue;
            }
            double sum = in.percent();
            for (StoredLink l : direct) {
                if (l.validity().contains(d)) {
                    sum += l.percent();
                }
            }
            if (sum > 100 + EPS) {
                return Optional.of(String.format(
                        Locale.ROOT,
                        "with this link the direct owners would hold %.4f %% on %s (more than 100 %%);"
                                + " end or correct an existing link first",
                        sum,
                        d.equals(LocalDate.MIN) ? "every date" : d.toString()));
            }
        }
        return Optional.empty();
    }

    private static InvalidInputException invalidOwner(String owner, String message) {
        return new InvalidInputException(List.of(new FieldProblem(0, "owner_id", owner, message)));
    }

    private static Map<String, Object> details(StoredLink l) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("link_id", l.id());
        d.put("owner_id", l.ownerId());
        d.put("owned_id", l.ownedId());
        d.put("percent", l.percent());
        d.put("direct", l.direct());
        d.put("valid_from", l.validity().from().map(Object::toString).orElse(""));
        d.put("valid_until", l.validity().until().map(Object::toString).orElse(""));
        return d;
    }

    /** {@code parties} and every party they own directly or indirectly, read inside a caller's transaction. */
    public static Set<String> partiesBelow(Connection c, java.util.Collection<String> parties) throws SQLException {
        return LinkStore.partiesBelow(c, parties);
    }

    /** Reads who owns a party inside a caller's transaction (for screening). */
    public Optional<OwnershipReport> report(Connection c, String partyId, LocalDate on) throws SQLException {
        return reports.report(c, partyId, on);
    }
}
