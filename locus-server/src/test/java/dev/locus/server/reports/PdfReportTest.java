package dev.locus.server.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.geo.position.GeoPosition;
import dev.locus.server.audit.AuditHead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfReportTest {
    static final AuditHead HEAD = new AuditHead(42, "ab".repeat(32), Optional.empty());

    static ReportDocument sample(int rows) {
        List<List<String>> table = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            table.add(List.of("lm-" + i, String.format("%.2f ms", 0.5 + i / 100.0), "row " + i));
        }
        return ReportDocument.builder(
                        "Chip X is outside its licensed zone",
                        "Chip X is not at its licensed site: it answered Hong Kong in 0.77 ms, 2,460 km away — 22.3° N.",
                        HEAD,
                        Instant.parse("2026-12-06T01:02:03.456Z"))
                .fact("Licensed site", "Singapore <DC> & \"Co\"")
                .map(new ReportMap(
                        "test map",
                        List.of(new ReportMap.Area(
                                ReportMap.Kind.LICENSED_ZONE,
                                "zone",
                                List.of(
                                        new ReportMap.LonLat(103, 1),
                                        new ReportMap.LonLat(104, 1),
                                        new ReportMap.LonLat(104, 2)))),
                        List.of(ReportMap.Marker.of(
                                ReportMap.Kind.LANDMARK, "lm-hk", GeoPosition.ofDegrees(22.3, 114.2)))))
                .section(
                        "Evidence",
                        new ReportDocument.Paragraph("Receipts, with a glyph no font has: \uE000 and a\ttab."),
                        new ReportDocument.Table(List.of("landmark", "round trip (ms)", "note"), table, "none"))
                .build();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void render_printsTitleConclusionFactsMapLabelsTableAndAuditHead_inAnEmbeddedFont() throws IOException {
        byte[] pdf = PdfReport.render(sample(3));
        Files.createDirectories(Path.of("target/reports"));
        Files.write(Path.of("target/reports/sample-report.pdf"), pdf);
        assertThat(text(pdf))
                .contains("Chip X is outside its licensed zone")
                .contains("2,460 km away — 22.3° N.")
                .contains("Singapore <DC> & \"Co\"")
                .contains("lm-hk")
                .contains("Land: Natural Earth 1:50m")
                .contains("round trip (ms)")
                .contains("lm-2 0.52 ms row 2")
                .contains("Receipts, with a glyph no font has: ? and a tab.")
                .contains("entry 42, SHA-256 " + "ab".repeat(32))
                .contains("Generated 2026-12-06 01:02:03 UTC");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Chip X is outside its licensed zone");
            PDFont font = doc.getPage(0)
                    .getResources()
                    .getFont(doc.getPage(0)
                            .getResources()
                            .getFontNames()
                            .iterator()
                            .next());
            assertThat(font.getName()).contains("DejaVuSans");
            assertThat(font.isEmbedded()).isTrue();
        }
    }

    @Test
    void aLongTable_continuesOnNewPages_withItsHeaderRepeated_andEveryRowOnce() throws IOException {
        byte[] pdf = PdfReport.render(sample(200));
        String text = text(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
            assertThat(text.split("landmark round trip \\(ms\\) note", -1).length - 1)
                    .isEqualTo(doc.getNumberOfPages());
            assertThat(text).contains("page " + doc.getNumberOfPages() + " of " + doc.getNumberOfPages());
        }
        for (int i = 0; i < 200; i++) {
            assertThat(text).contains("lm-" + i + " ");
        }
    }

    @Test
    void html_escapesEveryText_drawsTheMapAsSvg_andShowsTheAuditHead() throws IOException {
        String html = HtmlReport.render(sample(1));
        Files.createDirectories(Path.of("target/reports"));
        Files.writeString(Path.of("target/reports/sample-report.html"), html);
        assertThat(html)
                .contains("<title>Chip X is outside its licensed zone</title>")
                .contains("Singapore &lt;DC&gt; &amp; &quot;Co&quot;")
                .contains("<svg")
                .contains("<polygon")
                .contains("lm-hk")
                .contains("<path class=\"land\"")
                .contains("Natural Earth")
                .contains("ab".repeat(32))
                .doesNotContain("<script")
                .doesNotContain("style=");
    }

    @Test
    void aTableRow_withTheWrongNumberOfCells_isRefusedNamingTheRow() {
        assertThatThrownBy(
                        () -> new ReportDocument.Table(List.of("a", "b"), List.of(List.of("1", "2"), List.of("3")), ""))
                .hasMessageContaining("row 1 has 1 cells")
                .hasMessageContaining("[a, b]");
    }

    @Test
    void aFindingsTable_keepsEveryWordWhole_andShowsEvidenceAsPlainLines() throws IOException {
        com.fasterxml.jackson.databind.JsonNode evidence =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                        {"rtt_nanos": 769582, "max_distance_km": 115.4, "landmark_id": "lm-hk",
                         "measured_at": "2026-12-06T01:02:03.123Z", "declared_power_mw": 0.25,
                         "shipped_chips_by_country": {"MY": 2000, "SG": 0},
                         "bounding_discs": [{"landmark_id": "lm-sg", "radius_km": 40}], "proven": true,
                         "verdicts": ["IN_ZONE", "PROVEN"]}""");
        String plain = PlainEvidence.of(evidence);
        assertThat(plain)
                .contains("Round trip: 0.770 ms")
                .contains("Max distance: 115.4 km")
                .contains("Landmark ID: lm-hk")
                .contains("Measured at: 2026-12-06 01:02:03 UTC")
                .contains("Declared power: 0.250 MW")
                .contains("Shipped chips by country: MY 2,000, SG 0")
                .contains("Bounding discs 1 – Landmark ID: lm-sg")
                .contains("Proven: yes")
                .contains("Verdicts: IN_ZONE, PROVEN")
                .doesNotContain("{")
                .doesNotContain("\"");
        List<List<String>> rows = new ArrayList<>();
        for (String severity : List.of("WARNING", "CRITICAL", "INFO")) {
            rows.add(List.of(
                    severity,
                    "SHIP_TO_FORWARDER_OR_RESIDENTIAL",
                    "OPEN",
                    "Order o-lion ships to a freight forwarder in Malaysia although it is billed to Singapore,"
                            + " a BIS red flag for diversion",
                    "BIS Supplement 3 to part 732 (Know your customer red flags); May 2025 guidance",
                    plain));
        }
        ReportDocument doc = ReportDocument.builder("Case 1", "Three findings.", HEAD, Instant.EPOCH)
                .section(
                        "Findings",
                        new ReportDocument.Table(
                                List.of("Severity", "Rule", "Status", "Finding", "Source", "Evidence"), rows, "none"))
                .build();
        byte[] pdf = PdfReport.render(doc);
        Files.createDirectories(Path.of("target/reports"));
        Files.write(Path.of("target/reports/findings-table.pdf"), pdf);
        String text = text(pdf);
        assertThat(text)
                .contains("Severity Rule Status")
                .contains("WARNING ")
                .contains("CRITICAL ")
                .contains(" Status ")
                .contains("Round trip: 0.770 ms")
                .doesNotContain("{\"");
        assertThat(text.split(" "))
                .as("every word of the table whole")
                .contains("WARNING", "CRITICAL", "Status", "Severity", "SHIP_TO_FORWARDER_OR_RESIDENTIAL", "Evidence");
        assertThat(HtmlReport.render(doc)).contains("Round trip: 0.770 ms").doesNotContain("{&quot;");
    }

    @Test
    void theMap_drawsTheLandAroundItsFrame_andNotTheRestOfTheWorld() {
        ReportMap m = sample(1).map().orElseThrow();
        List<List<double[]>> land = m.land(720, 420, 24);
        // Singapore to Hong Kong: the Malay peninsula, Borneo, Vietnam, southern China, ...
        assertThat(land).hasSizeGreaterThan(5);
        int inside = 0;
        for (List<double[]> ring : land) {
            for (double[] xy : ring) {
                if (xy[0] >= 0 && xy[0] <= 720 && xy[1] >= 0 && xy[1] <= 420) {
                    inside++;
                }
            }
        }
        assertThat(inside).isGreaterThan(200);
        // the site and the landmark sit inside the box
        double[] hk = m.project(720, 420, 24).apply(new ReportMap.LonLat(114.2, 22.3));
        assertThat(hk[0]).isBetween(0.0, 720.0);
        assertThat(hk[1]).isBetween(0.0, 420.0);
    }
}
