package dev.locus.server.mesh;

import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import dev.locus.server.registry.Landmark;
import dev.locus.server.registry.RegistryService;
import dev.locus.wire.RegistryValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * A person sets a landmark's status, in one transaction: the status change (audit-logged; restoring
 * to ACTIVE clears the landmark for the mesh audit), the verdicts that used the landmark fall due,
 * and, when it is marked SUSPECT, the {@link MeshListener} hears of it (the SUSPECT_LANDMARK alert).
 * Thread-safe.
 */
public record LandmarkStatusWorkflow(
        Database db, RegistryService registry, VerdictInvalidation verdicts, MeshListener listener) {
    /** Makes the verdicts that used a landmark due again, inside the caller's transaction. */
    @FunctionalInterface
    public interface VerdictInvalidation {
        void invalidate(Connection c, String landmarkId) throws SQLException;
    }

    /**
     * Sets the status.
     *
     * @return the landmark as updated; empty when no landmark has this id (nothing changed)
     */
    public Optional<Landmark> set(String id, RegistryValues.LandmarkStatus status, String reason, String actor) {
        return db.inTransaction(c -> {
            Optional<Landmark> updated = registry.setLandmarkStatus(c, id, status, reason, actor);
            if (updated.isEmpty()) {
                return updated;
            }
            verdicts.invalidate(c, id);
            if (status == RegistryValues.LandmarkStatus.SUSPECT) {
                listener.onMarkedSuspect(c, id, reason, actor);
            }
            return updated;
        });
    }

    /**
     * A person looked at the landmark's contradictions: round trips measured before {@code at} stop
     * counting for the mesh audit, which raises them again only on new data.
     */
    public static void clear(Connection c, String landmarkId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE landmarks SET mesh_cleared_at = ? WHERE id = ?")) {
            Sql.setInstant(ps, 1, at);
            ps.setString(2, landmarkId);
            ps.executeUpdate();
        }
    }
}
