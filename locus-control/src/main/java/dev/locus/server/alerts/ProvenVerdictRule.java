package dev.locus.server.alerts;

import dev.locus.geo.verdict.Verdict;
import dev.locus.server.verdicts.VerdictEvent;
import dev.locus.server.verdicts.VerdictListener;
import java.util.Map;
import java.util.function.Function;

/**
 * A critical alert whenever a verdict proves one thing about a chip: IN_RESTRICTED (proven inside a
 * restricted jurisdiction) and OUTSIDE_ZONE (proven outside its licensed zone) are this rule with
 * their verdict, alert rule and summary. A violation that holds only if every landmark is honest
 * (not proven at the tolerated number of liars F) is a warning of the same rule, never shown as
 * proven.
 */
public final class ProvenVerdictRule implements VerdictListener {
    private final AlertService alerts;
    private final Verdict proven;
    private final Alert.Rule rule;
    private final Function<VerdictEvent, String> summary;

    private ProvenVerdictRule(
            AlertService alerts, Verdict proven, Alert.Rule rule, Function<VerdictEvent, String> summary) {
        this.alerts = alerts;
        this.proven = proven;
        this.rule = rule;
        this.summary = summary;
    }

    /** IN_RESTRICTED (critical): a verdict proves the chip inside a restricted jurisdiction. */
    public static ProvenVerdictRule inRestricted(AlertService alerts) {
        return new ProvenVerdictRule(
                alerts,
                Verdict.IN_RESTRICTED,
                Alert.Rule.IN_RESTRICTED,
                e -> "chip " + e.verdict().chipSerial() + " is proven to be inside a restricted jurisdiction "
                        + e.restrictedJurisdictions());
    }

    /** OUTSIDE_ZONE (critical): a verdict proves the chip outside its licensed zone. */
    public static ProvenVerdictRule outsideZone(AlertService alerts) {
        return new ProvenVerdictRule(
                alerts,
                Verdict.OUTSIDE_ZONE,
                Alert.Rule.OUTSIDE_ZONE,
                e -> "chip " + e.verdict().chipSerial() + " is proven to be outside its licensed zone");
    }

    @Override
    public void onVerdict(VerdictEvent e) {
        if (e.verdict().verdicts().contains(proven)) {
            alerts.raise(
                    rule,
                    Alert.Severity.CRITICAL,
                    Alert.SubjectType.CHIP,
                    e.verdict().chipSerial(),
                    summary.apply(e),
                    VerdictRules.evidence(e));
        }
    }

    /** The warning for a violation that holds only if every landmark is honest; raised after every proven one. */
    void onHonestOnly(VerdictEvent e) {
        if (e.honestOnly().contains(proven)) {
            Map<String, Object> ev = VerdictRules.evidence(e);
            ev.put("tolerated_liars", e.toleratedLiars());
            ev.put("depends_on", e.dependsOn());
            alerts.raise(
                    rule,
                    Alert.Severity.WARNING,
                    Alert.SubjectType.CHIP,
                    e.verdict().chipSerial(),
                    "chip " + e.verdict().chipSerial() + " " + proven + " " + e.dependsOn()
                            + ": it holds only if every landmark is honest, not proven at F = "
                            + e.toleratedLiars(),
                    ev);
        }
    }
}
