package dev.locus.compliance.findings;

import dev.locus.compliance.redflags.Subject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Hears that a subject's findings were brought up to date, inside that transaction (cases open here). */
@FunctionalInterface
public interface FindingsListener {
    void findingsUpdated(Connection c, Subject subject, List<StoredFinding> opened) throws SQLException;
}
