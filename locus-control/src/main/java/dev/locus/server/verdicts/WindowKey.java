package dev.locus.server.verdicts;

import dev.locus.geo.verdict.Policy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A digest of everything a verdict is derived from: the window's measurements (landmark, its
 * position, operator and position uncertainty, the receipt and its round trip), the declared site
 * and zone, and the policy (restricted jurisdictions, speed, border margin, tolerated liars). Two assessments with the same key derive the same verdicts
 * from the same receipts, so the second needs neither the geo core nor a new verdict row.
 */
final class WindowKey {
    private WindowKey() {}

    /** Lower-case hex SHA-256, 64 characters. */
    static String of(ChipInput in, Policy policy) {
        StringBuilder b = new StringBuilder(256);
        b.append("site=")
                .append(in.site().id())
                .append('@')
                .append(in.site().position().latitudeDegrees())
                .append(',')
                .append(in.site().position().longitudeDegrees())
                .append(";zone_km=")
                .append(in.site().zoneRadiusKm())
                .append(";restricted=")
                .append(new TreeSet<>(policy.restricted()))
                .append(";speed=")
                .append(policy.speed().kmPerMs())
                .append(";margin_km=")
                .append(policy.borderMargin().km())
                .append(";tolerated_liars=")
                .append(policy.toleratedLiars());
        List<WindowMeasurement> sorted = in.window().stream()
                .sorted(java.util.Comparator.comparing(WindowMeasurement::landmarkId))
                .toList();
        for (WindowMeasurement m : sorted) {
            b.append(String.format(
                    Locale.ROOT,
                    ";%s@%s,%s~%s/%s#%d:%d",
                    m.landmarkId(),
                    m.landmarkPosition().latitudeDegrees(),
                    m.landmarkPosition().longitudeDegrees(),
                    m.landmarkUncertaintyKm(),
                    m.landmarkOperator(),
                    m.receiptId(),
                    m.rttMinNanos()));
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
