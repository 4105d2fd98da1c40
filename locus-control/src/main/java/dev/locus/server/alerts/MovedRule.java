package dev.locus.server.alerts;

import dev.locus.server.verdicts.VerdictEvent;
import dev.locus.server.verdicts.VerdictListener;

/**
 * MOVED (warning): the chip's region no longer overlaps the previous verdict's region, as the
 * verdict side proved (exactly, by the geo core; an undecided search raises nothing).
 */
public record MovedRule(AlertService alerts) implements VerdictListener {

    @Override
    public void onVerdict(VerdictEvent e) {
        e.movedFrom().ifPresent(ev -> {
            String serial = e.verdict().chipSerial();
            alerts.raise(
                    Alert.Rule.MOVED,
                    Alert.Severity.WARNING,
                    Alert.SubjectType.CHIP,
                    serial,
                    "chip " + serial + " moved: its region no longer overlaps the one of verdict "
                            + ev.get("previous_verdict_id"),
                    ev);
        });
    }
}
