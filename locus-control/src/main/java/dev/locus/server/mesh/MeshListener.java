package dev.locus.server.mesh;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Receives the mesh side's events: the audit's findings and a person's marking a landmark SUSPECT
 * (the SUSPECT_LANDMARK alert rule, in the alerts package).
 */
public interface MeshListener {
    /** Called after each audit run, outside any transaction; returns what it did. */
    MeshFindings.Handled onAudit(MeshFindings findings);

    /** Called inside the transaction in which {@code actor} marked {@code landmarkId} SUSPECT. */
    void onMarkedSuspect(Connection c, String landmarkId, String reason, String actor) throws SQLException;
}
