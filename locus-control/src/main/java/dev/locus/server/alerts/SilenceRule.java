package dev.locus.server.alerts;

import dev.locus.server.ingest.IngestResult;
import dev.locus.server.ingest.ReceiptIngestor;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raises {@link Alert.Rule#SILENT} for installed chips with no accepted attestation for longer
 * than the policy allows (chips in transit cannot answer, so silence is how diversion starts).
 * Thread-safe.
 */
public record SilenceRule(Database db, AlertService alerts, InstantSource clock, Duration silentFor)
        implements ReceiptIngestor.IngestListener {
    public SilenceRule {
        if (silentFor.isNegative() || silentFor.isZero()) {
            throw new IllegalArgumentException("silence period must be > 0, got " + silentFor);
        }
    }

    /**
     * Resolves the unresolved SILENT alerts of chips that attested again, as {@code system}, naming
     * the receipt. One query per committed batch.
     */
    @Override
    public void ingested(ReceiptIngestor.IngestBatch batch) {
        Map<String, Long> firstReceipt = new LinkedHashMap<>();
        for (int i = 0; i < batch.results().size(); i++) {
            if (batch.results().get(i) instanceof IngestResult.Accepted a) {
                firstReceipt.putIfAbsent(batch.submissions().get(i).receipt().chipSerial(), a.receiptId());
            }
        }
        if (firstReceipt.isEmpty()) {
            return;
        }
        List<String> serials = new ArrayList<>(firstReceipt.keySet());
        Map<Long, String> open = new LinkedHashMap<>();
        for (int from = 0; from < serials.size(); from += 500) {
            List<String> chunk = serials.subList(from, Math.min(serials.size(), from + 500));
            String marks = Sql.placeholders(chunk.size());
            open.putAll(db.read(c -> {
                Map<Long, String> found = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id, subject_id FROM alerts WHERE rule = 'SILENT'"
                        + " AND subject_type = 'CHIP' AND status <> 'RESOLVED' AND subject_id IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getLong(1), rs.getString(2));
                        }
                    }
                }
                return found;
            }));
        }
        open.forEach((id, serial) -> alerts.resolve(
                id, "attestation resumed: accepted receipt " + firstReceipt.get(serial), AlertService.SYSTEM));
    }

    /** Checks every installed chip once; returns how many new alerts were opened. */
    public int check() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(silentFor);
        record Silent(String serial, Instant since, boolean everSeen) {}
        List<Silent> silent = db.read(c -> {
            List<Silent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.serial, a.last_measured_at, c.created_at"
                    + " FROM chips c LEFT JOIN chip_activity a ON a.chip_serial = c.serial"
                    + " WHERE c.status = 'INSTALLED' AND COALESCE(a.last_measured_at, c.created_at) < ?"
                    + " AND NOT EXISTS (SELECT 1 FROM alerts x WHERE x.subject_type = 'CHIP'"
                    + " AND x.subject_id = c.serial AND x.rule = 'SILENT' AND x.status <> 'RESOLVED')")) {
                Sql.setInstant(ps, 1, cutoff);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        var last = Sql.getOptionalInstant(rs, "last_measured_at");
                        out.add(new Silent(
                                rs.getString(1), last.orElse(Sql.getInstant(rs, "created_at")), last.isPresent()));
                    }
                }
            }
            return out;
        });
        int opened = 0;
        for (Silent s : silent) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put(
                    s.everSeen() ? "last_attestation_at" : "registered_at",
                    s.since().toString());
            evidence.put("silent_for_seconds", Duration.between(s.since(), now).toSeconds());
            evidence.put("policy_seconds", silentFor.toSeconds());
            String summary = "chip " + s.serial() + " has not attested for "
                    + Durations.readable(Duration.between(s.since(), now)) + " (policy: "
                    + Durations.readable(silentFor) + ")";
            if (alerts.raise(
                            Alert.Rule.SILENT,
                            Alert.Severity.WARNING,
                            Alert.SubjectType.CHIP,
                            s.serial(),
                            summary,
                            evidence)
                    .isPresent()) {
                opened++;
            }
        }
        return opened;
    }
}
