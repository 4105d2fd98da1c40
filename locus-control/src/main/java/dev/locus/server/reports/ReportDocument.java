package dev.locus.server.reports;

import dev.locus.server.audit.AuditHead;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A report as a reader meets it, independent of its format: a title that says what it concludes,
 * the conclusion in plain language, a few key facts, an optional map, sections of paragraphs and
 * tables, and the audit log's head when it was written (so a reader can check later that the
 * records behind it were not rewritten). {@link HtmlReport} and {@link PdfReport} render it; a
 * report builds one with {@link #builder}. Immutable.
 *
 * <p>Text is plain text (never markup): renderers escape it. Units belong in the text or in the
 * column name ("round trip (ms)").
 *
 * @param title what the report concludes, e.g. "Chip H100-SG-0001 is at its licensed site"
 * @param conclusion one or two sentences a regulator reads first
 * @param keyFacts short label/value pairs shown under the conclusion
 * @param map the geometry behind the conclusion, when there is one
 * @param sections the body, in order
 * @param auditHead the audit log's head when the report was generated
 * @param generatedAt when the report was generated
 */
public record ReportDocument(
        String title,
        String conclusion,
        List<Fact> keyFacts,
        Optional<ReportMap> map,
        List<Section> sections,
        AuditHead auditHead,
        Instant generatedAt) {

    public ReportDocument {
        requireText("title", title);
        requireText("conclusion", conclusion);
        keyFacts = List.copyOf(keyFacts);
        sections = List.copyOf(sections);
    }

    /** A labelled value: "Licensed site" → "Singapore DC (SG-1), 1.29° N 103.85° E". */
    public record Fact(String label, String value) {
        public Fact {
            requireText("fact label", label);
        }
    }

    /** A heading and its blocks. */
    public record Section(String heading, List<Block> blocks) {
        public Section {
            requireText("section heading", heading);
            blocks = List.copyOf(blocks);
        }

        public static Section of(String heading, Block... blocks) {
            return new Section(heading, List.of(blocks));
        }
    }

    /** A part of a section. */
    public sealed interface Block permits Paragraph, Table {}

    /** Running text. */
    public record Paragraph(String text) implements Block {}

    /**
     * A table: column names (with units) and rows of cells; every row has one cell per column.
     * An empty table is rendered as its {@code empty} text ("No alerts.").
     */
    public record Table(List<String> columns, List<List<String>> rows, String empty) implements Block {
        public Table {
            columns = List.copyOf(columns);
            List<List<String>> copy = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                List<String> row = rows.get(i);
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("table row " + i + " has " + row.size()
                            + " cells, the table has " + columns.size() + " columns " + columns);
                }
                copy.add(List.copyOf(row));
            }
            rows = List.copyOf(copy);
        }
    }

    /** A time as reports print it: ISO 8601 in UTC to the second, "2026-12-06T01:02:03Z". */
    public static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public static Builder builder(String title, String conclusion, AuditHead auditHead, Instant generatedAt) {
        return new Builder(title, conclusion, auditHead, generatedAt);
    }

    /** Collects facts and sections in the order they are added. Not thread-safe. */
    public static final class Builder {
        private final String title;
        private final String conclusion;
        private final AuditHead auditHead;
        private final Instant generatedAt;
        private final List<Fact> facts = new ArrayList<>();
        private final List<Section> sections = new ArrayList<>();
        private Optional<ReportMap> map = Optional.empty();

        private Builder(String title, String conclusion, AuditHead auditHead, Instant generatedAt) {
            this.title = title;
            this.conclusion = conclusion;
            this.auditHead = auditHead;
            this.generatedAt = generatedAt;
        }

        public Builder fact(String label, String value) {
            facts.add(new Fact(label, value));
            return this;
        }

        public Builder map(ReportMap m) {
            map = Optional.of(m);
            return this;
        }

        public Builder section(String heading, Block... blocks) {
            sections.add(Section.of(heading, blocks));
            return this;
        }

        public ReportDocument build() {
            return new ReportDocument(title, conclusion, facts, map, sections, auditHead, generatedAt);
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank, got '" + value + "'");
        }
    }
}
