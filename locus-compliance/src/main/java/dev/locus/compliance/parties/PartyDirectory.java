package dev.locus.compliance.parties;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the registered parties for the rest of the compliance half (orders, shipments,
 * tenants and red-flag rules refer to parties by id; the table is {@code parties}). Every call reads
 * committed data. Thread-safe.
 */
public interface PartyDirectory {

    /** The party with this id. */
    Optional<RegisteredParty> find(String id);

    /**
     * The parties among {@code ids} that exist (unknown ids are left out), in no particular order.
     *
     * @throws IllegalArgumentException for more than 1,000 ids
     */
    List<RegisteredParty> findAll(Collection<String> ids);

    /** Whether a party with this id is registered. */
    default boolean exists(String id) {
        return find(id).isPresent();
    }
}
