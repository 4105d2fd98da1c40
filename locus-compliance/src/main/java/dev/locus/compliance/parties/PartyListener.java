package dev.locus.compliance.parties;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hears a party saved (created or changed), inside the transaction that saves it, so that what it
 * derives (screening hits, ownership findings) commits or rolls back with the party.
 */
@FunctionalInterface
public interface PartyListener {
    void partySaved(Connection c, RegisteredParty party, String actor) throws SQLException;

    /**
     * Hears a party about to be deleted (it has no ownership links left), in the deleting transaction
     * and undone with the delete when another record still refers to the party: what was derived from
     * the party alone and nobody decided on may go with it.
     */
    default void partyDeleting(Connection c, String partyId, String actor) throws SQLException {}
}
