package dev.locus.server.alerts;

import dev.locus.geo.verdict.Verdict;
import dev.locus.server.verdicts.VerdictEvent;
import dev.locus.server.verdicts.VerdictListener;

/** OUTSIDE_ZONE (critical): a verdict proves the chip outside its licensed zone. */
public final class OutsideZoneRule implements VerdictListener {
    private final AlertService alerts;

    public OutsideZoneRule(AlertService alerts) {
        this.alerts = alerts;
    }

    @Override
    public void onVerdict(VerdictEvent e) {
        if (e.verdict().verdicts().contains(Verdict.OUTSIDE_ZONE)) {
            String serial = e.verdict().chipSerial();
            alerts.raise(
                    Alert.Rule.OUTSIDE_ZONE,
                    Alert.Severity.CRITICAL,
                    Alert.SubjectType.CHIP,
                    serial,
                    "chip " + serial + " is proven to be outside its licensed zone",
                    VerdictRules.evidence(e));
        }
    }
}
