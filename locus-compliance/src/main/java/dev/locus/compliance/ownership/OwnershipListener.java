package dev.locus.compliance.ownership;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Hears that ownership changed, inside the transaction that changed it: {@code affected} is the
 * owned party and every party it owns in turn (their aggregate owners may have changed).
 */
@FunctionalInterface
public interface OwnershipListener {
    void ownershipChanged(Connection c, Set<String> affected, String actor) throws SQLException;
}
