package dev.locus.server.dashboard;

import dev.locus.server.persistence.Database;
import dev.locus.server.reports.LicenceReport;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dashboard's one status per chip ({@link ChipStatus}), in the words the dashboard shows, for
 * readers outside it such as the licence report: the same query and rule as the map, the fleet
 * rows and the chip header, so a report never says a chip is fine where the dashboard says it is
 * silent. Thread-safe.
 */
public final class ChipStatuses implements LicenceReport.Statuses {
    private final Database db;
    private final ChipStatusQuery status;

    /** @param staleAfter how long without receipts makes a proof stale (the silence policy) */
    public ChipStatuses(Database db, InstantSource clock, Duration staleAfter) {
        this.db = db;
        this.status = new ChipStatusQuery(clock, staleAfter);
    }

    /** The status of each chip of licence {@code licenceId}, by serial in serial order. */
    @Override
    public Map<String, LicenceReport.Status> ofLicence(String licenceId) {
        return db.read(c -> {
            Map<String, LicenceReport.Status> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.serial, " + ChipStatusQuery.COLUMNS
                    + " FROM chips c" + ChipStatusQuery.JOINS + " WHERE c.licence_id = ? ORDER BY c.serial")) {
                status.bindStaleBefore(ps, 1);
                ps.setString(2, licenceId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ChipStatus s = ChipStatusQuery.read(rs);
                        out.put(rs.getString("serial"), new LicenceReport.Status(s.name(), s.label));
                    }
                }
            }
            return out;
        });
    }
}
