package dev.locus.server.alerts;

import dev.locus.geo.verdict.Verdict;
import dev.locus.server.verdicts.VerdictEvent;
import dev.locus.server.verdicts.VerdictListener;

/** IN_RESTRICTED (critical): a verdict proves the chip inside a restricted jurisdiction. */
public final class InRestrictedRule implements VerdictListener {
    private final AlertService alerts;

    public InRestrictedRule(AlertService alerts) {
        this.alerts = alerts;
    }

    @Override
    public void onVerdict(VerdictEvent e) {
        if (e.verdict().verdicts().contains(Verdict.IN_RESTRICTED)) {
            String serial = e.verdict().chipSerial();
            alerts.raise(
                    Alert.Rule.IN_RESTRICTED,
                    Alert.Severity.CRITICAL,
                    Alert.SubjectType.CHIP,
                    serial,
                    "chip " + serial + " is proven to be inside a restricted jurisdiction "
                            + e.restrictedJurisdictions(),
                    VerdictRules.evidence(e));
        }
    }
}
