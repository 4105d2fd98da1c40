package dev.locus.server.alerts;

import dev.locus.server.ingest.IngestResult;
import dev.locus.server.ingest.ReceiptIngestor;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
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
        List<Map.Entry<Long, String>> open = db.read(c -> Sql.queryIn(
                c,
                "SELECT id, subject_id FROM alerts WHERE rule = 'SILENT' AND subject_type = 'CHIP'"
                        + " AND status <> 'RESOLVED' AND subject_id",
                firstReceipt.keySet(),
                rs -> Map.entry(rs.getLong(1), rs.getString(2))));
        open.forEach(alert -> alerts.resolve(
                alert.getKey(),
                "attestation resumed: accepted receipt " + firstReceipt.get(alert.getValue()),
                AlertService.SYSTEM));
    }
    /** Checks every installed chip once; returns how many new alerts were opened. */
    public int check() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(silentFor);
        record Silent(String serial, Instant since, boolean everSeen) {}
        List<Silent> silent = db.read(c -> Sql.query(
                c,
                "SELECT c.serial, a.last_measured_at, c.created_at"
                        + " FROM chips c LEFT JOIN chip_activity a ON a.chip_serial = c.serial"
                        + " WHERE c.status = 'INSTALLED' AND COALESCE(a.last_measured_at, c.created_at) < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM alerts x WHERE x.subject_type = 'CHIP'"
                        + " AND x.subject_id = c.serial AND x.rule = 'SILENT' AND x.status <> 'RESOLVED')",
                ps -> Sql.setInstant(ps, 1, cutoff),
                rs -> {
                    var last = Sql.getOptionalInstant(rs, "last_measured_at");
                    return new Silent(rs.getString(1), last.orElse(Sql.getInstant(rs, "created_at")), last.isPresent());
                }));
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
