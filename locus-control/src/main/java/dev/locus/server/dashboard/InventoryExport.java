package dev.locus.server.dashboard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.locus.server.audit.AuditHead;
import dev.locus.server.audit.AuditLog;
import dev.locus.server.persistence.Database;
import dev.locus.server.verdicts.Headline;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The fleet inventory (Chip Security Act §4(c): each chip's location and current end user), one
 * row per chip in serial order, written as CSV (RFC 4180, a header row) or JSON while the database
 * is read: rows go to the stream one by one through a cursor, never the fleet in memory. Each row
 * carries the chip's one dashboard status ({@link ChipStatus}), its latest verdict, where it is
 * proven to be and the audit log's head when the export began (the same on every row), so an
 * export can be checked against the log later. Thread-safe.
 */
public final class InventoryExport {
    /** The columns, in order; the CSV header and the JSON keys. */
    public static final List<String> COLUMNS = List.of(
            "serial",
            "model",
            "organisation",
            "licence",
            "licensed_site",
            "licensed_country",
            "end_user",
            "registry_status",
            "status",
            "verdict",
            "proven_region",
            "proven_country",
            "last_proven_at",
            "audit_head");

    /** The formats {@link #write} knows. */
    public enum Format {
        CSV,
        JSON
    }

    private final Database db;
    private final ChipStatusQuery status;

    /** @param staleAfter how long without receipts makes a proof stale (the silence policy) */
    public InventoryExport(Database db, InstantSource clock, Duration staleAfter) {
        this.db = db;
        this.status = new ChipStatusQuery(clock, staleAfter);
    }

    /** Whether licence {@code id} exists. */
    public boolean licenceExists(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM licences WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Writes the inventory of every chip, or of the chips of {@code licence}, to {@code out} (not
     * closed). Returns the number of chips written.
     */
    public long write(Optional<String> licence, Format format, OutputStream out) {
        return db.read(c -> {
            boolean auto = c.getAutoCommit();
            // PostgreSQL streams a result through a cursor only inside a transaction
            c.setAutoCommit(false);
            try {
                AuditHead head = AuditLog.head(c);
                try (PreparedStatement ps = c.prepareStatement(sql(licence.isPresent()))) {
                    ps.setFetchSize(500);
                    status.bindStaleBefore(ps, 1);
                    if (licence.isPresent()) {
                        ps.setString(2, licence.get());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        return format == Format.CSV ? csv(rs, head, out) : json(rs, head, out);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the inventory: " + e.getMessage(), e);
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        });
    }

    private static String sql(boolean byLicence) {
        return "SELECT c.serial, c.model, c.status AS registry_status, c.licence_id, so.name AS organisation,"
                + " s.name AS site_name, s.id AS site_id, s.country AS site_country, s.zone_radius_km,"
                + " eu.name AS end_user, v.proven, v.last_proven_at, "
                + ChipStatusQuery.COLUMNS
                + " FROM chips c"
                + ChipStatusQuery.JOINS
                + " LEFT JOIN licences l ON l.id = c.licence_id"
                + " LEFT JOIN organisations eu ON eu.id = l.end_user_id"
                + " JOIN sites s ON s.id = COALESCE(l.site_id, c.declared_site_id)"
                + " LEFT JOIN organisations so ON so.id = s.operator_id"
                + (byLicence ? " WHERE c.licence_id = ?" : "")
                + " ORDER BY c.serial";
    }

    /** One row's values, in {@link #COLUMNS} order (null where there is nothing to say). */
    private static String[] row(ResultSet rs, String auditHead) throws SQLException {
        String verdicts = rs.getString("verdicts");
        Headline latest = Headline.of(verdicts);
        boolean proven = rs.getBoolean("proven") && verdicts != null;
        String site = rs.getString("site_name") + " (" + rs.getString("site_id") + ")";
        String region;
        String country = null;
        if (proven && latest == Headline.IN_ZONE) {
            region = "within " + Math.round(rs.getDouble("zone_radius_km")) + " km of " + site;
            country = rs.getString("site_country");
        } else if (proven && latest == Headline.OUTSIDE_ZONE) {
            region = "outside the licensed zone of " + site;
        } else if (proven && latest == Headline.IN_RESTRICTED) {
            region = "in a restricted jurisdiction";
        } else {
            region = "not proven";
        }
        java.time.OffsetDateTime lastProven = rs.getObject("last_proven_at", java.time.OffsetDateTime.class);
        return new String[] {
            rs.getString("serial"),
            rs.getString("model"),
            rs.getString("organisation"),
            rs.getString("licence_id"),
            site,
            rs.getString("site_country"),
            rs.getString("end_user"),
            rs.getString("registry_status"),
            ChipStatusQuery.read(rs).name(),
            verdicts,
            region,
            country,
            lastProven == null ? null : lastProven.toInstant().toString(),
            auditHead
        };
    }

    private static long csv(ResultSet rs, AuditHead head, OutputStream out) throws SQLException, IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180);
        p.printRecord(COLUMNS);
        String audit = head.seq() + ":" + head.hash();
        long n = 0;
        while (rs.next()) {
            p.printRecord((Object[]) row(rs, audit));
            n++;
        }
        p.flush();
        return n;
    }

    private static long json(ResultSet rs, AuditHead head, OutputStream out) throws SQLException, IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.writeStartObject();
        g.writeObjectFieldStart("audit_head");
        g.writeNumberField("seq", head.seq());
        g.writeStringField("hash", head.hash());
        g.writeEndObject();
        g.writeArrayFieldStart("chips");
        String audit = head.seq() + ":" + head.hash();
        long n = 0;
        while (rs.next()) {
            String[] v = row(rs, audit);
            g.writeStartObject();
            for (int i = 0; i < COLUMNS.size(); i++) {
                g.writeStringField(COLUMNS.get(i), v[i]);
            }
            g.writeEndObject();
            if (++n % 500 == 0) {
                g.flush();
            }
        }
        g.writeEndArray();
        g.writeNumberField("count", n);
        g.writeEndObject();
        g.flush();
        return n;
    }
}
