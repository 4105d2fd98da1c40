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
}
