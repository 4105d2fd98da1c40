package dev.locus.compliance.parties;

import dev.locus.compliance.outcome.Outcome;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.common.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Registers, changes and removes parties: each change one durable transaction with its audit entry
 * and whatever its {@link PartyListener}s derive (screening). Thread-safe.
 */
public final class PartyService implements PartyDirectory {
    private final AuditedStore store;
    private final List<PartyListener> listeners = new CopyOnWriteArrayList<>();

    public PartyService(AuditedStore store) {
        this.store = store;
    }

    /** Adds a listener that hears every party saved from now on, inside the saving transaction. */
    public void addListener(PartyListener listener) {
        listeners.add(listener);
    }

    /** Registers a party; a conflict when the id is taken. */
    public Outcome<RegisteredParty> create(PartyInput in, String actor) {
        return store.db().inTransaction(c -> {
            if (PartyStore.find(c, in.id(), false).isPresent()) {
                return Outcome.conflict("a party with id '" + in.id() + "' is already registered");
            }
            Instant now = store.now();
            RegisteredParty p = party(in, 1, now, now);
            PartyStore.insert(c, p);
            store.audit().append(c, actor, "party.create", "party", p.id(), details(p));
            notify(c, p, actor);
            return Outcome.done(p);
        });
    }

    /**
     * Replaces a party's details with {@code in}; a conflict when {@code in} names a revision that is
     * no longer the stored one (someone changed it since it was read).
     */
    public Outcome<RegisteredParty> update(PartyInput in, String actor) {
        return store.db().inTransaction(c -> {
            Optional<RegisteredParty> stored = PartyStore.find(c, in.id(), true);
            if (stored.isEmpty()) {
                return Outcome.notFound("party", in.id());
            }
            RegisteredParty old = stored.get();
            if (in.expectedRevision().isPresent() && in.expectedRevision().getAsInt() != old.revision()) {
                return Outcome.conflict("party '" + in.id() + "' is at revision " + old.revision()
                        + ", the change was made to revision "
                        + in.expectedRevision().getAsInt()
                        + "; read it again and repeat the change");
            }
            RegisteredParty p = party(in, old.revision() + 1, old.createdAt(), store.now());
            PartyStore.update(c, p);
            Map<String, Object> d = details(p);
            d.put("previous", details(old));
            store.audit().append(c, actor, "party.update", "party", p.id(), d);
            notify(c, p, actor);
            return Outcome.done(p);
        });
    }

    /** Removes a party no ownership link, screening hit or other record refers to. */
    public Outcome<RegisteredParty> delete(String id, String actor) {
        return store.db().inTransaction(c -> {
            Optional<RegisteredParty> stored = PartyStore.find(c, id, true);
            if (stored.isEmpty()) {
                return Outcome.notFound("party", id);
            }
            if (hasOwnershipLinks(c, id)) {
                return Outcome.conflict("party '" + id + "' has ownership links; remove them first");
            }
            try (var savepoint = new Savepoint(c)) {
                for (PartyListener l : listeners) {
                    l.partyDeleting(c, id, actor);
                }
                PartyStore.delete(c, id);
                savepoint.release();
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return Outcome.conflict("party '" + id + "' is referred to by other records (screening hits,"
                            + " orders, shipments); it stays registered");
                }
                throw e;
            }
            store.audit().append(c, actor, "party.delete", "party", id, details(stored.get()));
            return Outcome.done(stored.get());
        });
    }

    @Override
    public Optional<RegisteredParty> find(String id) {
        return store.db().read(c -> PartyStore.find(c, id, false));
    }

    @Override
    public List<RegisteredParty> findAll(Collection<String> ids) {
        return store.db().read(c -> PartyStore.findAll(c, ids));
    }

    /** A page of parties in id order. */
    public Page<RegisteredParty> page(String after, int limit) {
        return store.db().read(c -> PartyStore.page(c, after, limit));
    }

    /** Reads parties inside a caller's transaction (for the services that derive from them). */
    public static List<RegisteredParty> findAll(Connection c, Collection<String> ids) throws SQLException {
        return PartyStore.findAll(c, ids);
    }

    /** Reads one party inside a caller's transaction, locking its row. */
    public static Optional<RegisteredParty> findForUpdate(Connection c, String id) throws SQLException {
        return PartyStore.find(c, id, true);
    }

    private void notify(Connection c, RegisteredParty p, String actor) throws SQLException {
        for (PartyListener l : listeners) {
            l.partySaved(c, p, actor);
        }
    }

    private static boolean hasOwnershipLinks(Connection c, String id) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT 1 FROM ownership_links WHERE owner_id = ? OR owned_id = ? LIMIT 1")) {
            ps.setString(1, id);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static RegisteredParty party(PartyInput in, int revision, Instant created, Instant updated) {
        return new RegisteredParty(in.id(), in.details(), revision, created, updated);
    }

    private static Map<String, Object> details(RegisteredParty p) {
        PartyDetails pd = p.details();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("revision", p.revision());
        d.put("kind", pd.kind().name());
        d.put("names", pd.names());
        d.put("aliases", pd.aliases());
        d.put("registration_numbers", pd.registrationNumbers());
        d.put("addresses", pd.addresses());
        d.put("country_of_incorporation", pd.countryOfIncorporation().orElse(""));
        d.put("headquarters_country", pd.headquartersCountry().orElse(""));
        d.put("incorporated_on", pd.incorporatedOn().map(Object::toString).orElse(""));
        return d;
    }

    /** A savepoint rolled back unless released: a refused delete leaves the transaction usable (PostgreSQL). */
    private static final class Savepoint implements AutoCloseable {
        private final Connection c;
        private final java.sql.Savepoint sp;
        private boolean released;

        Savepoint(Connection c) throws SQLException {
            this.c = c;
            this.sp = c.setSavepoint();
        }

        void release() throws SQLException {
            c.releaseSavepoint(sp);
            released = true;
        }

        @Override
        public void close() throws SQLException {
            if (!released) {
                c.rollback(sp);
            }
        }
    }
}
