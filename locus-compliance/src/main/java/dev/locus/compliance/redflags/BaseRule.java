package dev.locus.compliance.redflags;

/** A rule's identity (id, source, subject type) held once; subclasses write only the evaluation. */
abstract class BaseRule implements RedFlagRule {
    private final String id;
    private final Source source;
    private final Subject.Type subjectType;

    BaseRule(String id, Source source, Subject.Type subjectType) {
        this.id = id;
        this.source = source;
        this.subjectType = subjectType;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Source source() {
        return source;
    }

    @Override
    public final Subject.Type subjectType() {
        return subjectType;
    }

    /** A finding of this rule. */
    final Finding finding(Subject subject, String key, Severity severity, String summary, Evidence evidence) {
        return new Finding(id, source, subject, key, severity, summary, evidence.map());
    }
}
