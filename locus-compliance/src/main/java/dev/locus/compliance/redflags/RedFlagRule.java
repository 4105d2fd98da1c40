package dev.locus.compliance.redflags;

import java.util.List;

/**
 * One red-flag rule: pure code over the commercial and physical record seen through {@link
 * RecordView}. Evaluating a subject returns every finding the rule raises about it now (an empty
 * list clears earlier ones). Implementations are stateless and thread-safe.
 */
public interface RedFlagRule {
    /** Stable id, e.g. {@code SHIP_TO_FORWARDER}; what a policy names to switch the rule off. */
    String id();

    /** The one source the rule applies. */
    Source source();

    /** The kind of subject the rule evaluates. */
    Subject.Type subjectType();

    /** The findings about {@code subject} (of {@link #subjectType()}) under {@code policy}. */
    List<Finding> evaluate(Subject subject, RecordView record, RedFlagPolicy policy);
}
