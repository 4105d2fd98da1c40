package dev.locus.compliance.redflags;

import java.util.List;
import java.util.Optional;

/** A rule about one chip: at most one finding, read from the chip's facts (none for an unregistered chip). */
abstract class ChipRule extends BaseRule {
    ChipRule(String id, Source source) {
        super(id, source, Subject.Type.CHIP);
    }

    @Override
    public final List<Finding> evaluate(Subject chip, RecordView record, RedFlagPolicy policy) {
        return record.chip(chip.id()).flatMap(c -> evaluateChip(chip, c)).stream()
                .toList();
    }

    /** The finding about a registered chip, if it raises one. */
    abstract Optional<Finding> evaluateChip(Subject chip, ChipFacts c);
}
