package dev.locus.server.reports;

import dev.locus.server.LocusServerException;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

/**
 * Renders a {@link ReportDocument} as an A4 PDF with Apache PDFBox: text in DejaVu Sans (subset
 * embedded, see {@code fonts/PROVENANCE.md}), wrapped to the page, tables with repeated headers
 * across pages, the map drawn as vectors, page numbers and the audit head on every page. A character
 * the font lacks prints as '?'. Stateless; each call builds its own document.
 */
public final class PdfReport {
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float BODY = 10;
    private static final float SMALL = 8;
    private static final float CELL_PAD = 3;
    private static final float MAP_HEIGHT = 290;

    private PdfReport() {}

    /** The PDF's bytes. */
    public static byte[] render(ReportDocument doc) {
        try (PDDocument pdf = new PDDocument()) {
            Writer w = new Writer(pdf, doc);
            w.write();
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(doc.title());
            info.setSubject(doc.conclusion());
            info.setCreator("Locus control plane");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.setTimeInMillis(doc.generatedAt().toEpochMilli());
            info.setCreationDate(created);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new LocusServerException(
                    "could not render the PDF report '" + doc.title() + "': " + e.getMessage(), e);
        }
    }

    /** Lays the document out page by page; one per render. */
    private static final class Writer {
        private final PDDocument pdf;
        private final ReportDocument doc;
        private final PDType0Font regular;
        private final PDType0Font bold;
        private final Map<PDType0Font, Map<Integer, Boolean>> printable = new HashMap<>();
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream out;
        private float y;

        Writer(PDDocument pdf, ReportDocument doc) throws IOException {
            this.pdf = pdf;
            this.doc = doc;
            this.regular = font(pdf, "DejaVuSans.ttf");
            this.bold = font(pdf, "DejaVuSans-Bold.ttf");
        }

        void write() throws IOException {
            newPage();
            paragraph(doc.title(), bold, 17, 6);
            paragraph(doc.conclusion(), regular, 12, 10);
            for (ReportDocument.Fact f : doc.keyFacts()) {
                keyFact(f);
            }
            y -= 8;
            if (doc.map().isPresent()) {
                map(doc.map().get());
            }
            for (ReportDocument.Section s : doc.sections()) {
                ensure(60);
                y -= 6;
                paragraph(s.heading(), bold, 13, 4);
                for (ReportDocument.Block b : s.blocks()) {
                    switch (b) {
                        case ReportDocument.Paragraph p -> paragraph(p.text(), regular, BODY, 6);
                        case ReportDocument.Table t -> table(t);
                    }
                }
            }
            out.close();
            footers();
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            pages.add(page);
            out = new PDPageContentStream(pdf, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void ensure(float height) throws IOException {
            if (y - height < MARGIN + 20) {
                newPage();
            }
        }

        private void paragraph(String text, PDType0Font font, float size, float after) throws IOException {
            for (String line : wrap(text, font, size, WIDTH)) {
                ensure(size * 1.35f);
                y -= size * 1.35f;
                show(line, font, size, MARGIN, y);
            }
            y -= after;
        }

        private void keyFact(ReportDocument.Fact f) throws IOException {
            float labelWidth = 130;
            List<String> lines = wrap(f.value(), regular, BODY, WIDTH - labelWidth);
            ensure(lines.size() * BODY * 1.35f);
            y -= BODY * 1.35f;
            show(f.label(), bold, BODY, MARGIN, y);
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    y -= BODY * 1.35f;
                }
                show(lines.get(i), regular, BODY, MARGIN + labelWidth, y);
            }
        }

        private void table(ReportDocument.Table t) throws IOException {
            if (t.rows().isEmpty()) {
                paragraph(t.empty(), regular, BODY, 6);
                return;
            }
            float[] widths = columnWidths(t);
            List<List<String>> header = cells(t.columns(), widths, bold);
            // the header never stands alone at the foot of a page
            ensure(rowHeight(header) + rowHeight(cells(t.rows().get(0), widths, regular)));
            drawRow(header, widths, bold, true);
            for (List<String> row : t.rows()) {
                List<List<String>> wrapped = cells(row, widths, regular);
                if (y - rowHeight(wrapped) < MARGIN + 20) {
                    newPage();
                    drawRow(header, widths, bold, true);
                }
                drawRow(wrapped, widths, regular, false);
            }
            y -= 8;
        }

        /**
         * Widths from content: each column wants its longest cell (up to 220 pt) and needs at least
         * its longest word, so a word is never split unless it alone is wider than its column. When
         * the wanted widths do not fit, every column keeps its longest word and the room left goes
         * in proportion to what each wants beyond it; when even the longest words do not fit, the
         * columns with the longest words give way (all others keep their longest word whole).
         */
        private float[] columnWidths(ReportDocument.Table t) throws IOException {
            int n = t.columns().size();
            float[] least = new float[n];
            float[] want = new float[n];
            float[] volume = new float[n];
            for (int i = 0; i < n; i++) {
                least[i] = longestWord(t.columns().get(i), bold);
                want[i] = width(t.columns().get(i), bold, SMALL);
                for (List<String> row : t.rows()) {
                    least[i] = Math.max(least[i], longestWord(row.get(i), regular));
                    want[i] = Math.max(want[i], Math.min(longestLine(row.get(i), regular), 220));
                    volume[i] += width(row.get(i).replace('\n', ' '), regular, SMALL);
                }
                // a little slack so rounding never pushes the longest word onto two lines
                least[i] += 2 * CELL_PAD + 0.5f;
                want[i] = Math.max(least[i], want[i] + 2 * CELL_PAD + 0.5f);
            }
            float leastSum = sum(least);
            float wantSum = sum(want);
            float[] out = new float[n];
            if (wantSum <= WIDTH) {
                for (int i = 0; i < n; i++) {
                    out[i] = want[i] + (WIDTH - wantSum) * want[i] / wantSum;
                }
            } else if (leastSum <= WIDTH) {
                share(least, want, volume, t.rows().size(), out);
            } else {
                float cap = capSoSumFits(least);
                for (int i = 0; i < n; i++) {
                    out[i] = Math.min(least[i], cap);
                }
            }
            return out;
        }

        /**
         * Gives the room beyond the longest words to the columns that want more, weighted by how
         * many lines their text takes on average (so a column of long evidence grows before one
         * short label), never past what a column wants; what a capped column leaves goes round again.
         */
        private static void share(float[] least, float[] want, float[] volume, int rows, float[] out) {
            int n = least.length;
            float[] weight = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = least[i];
                weight[i] = (want[i] - least[i]) * Math.max(1, volume[i] / (want[i] * Math.max(1, rows)));
            }
            float room = WIDTH - sum(least);
            for (int round = 0; round < n && room > 0.01f; round++) {
                float total = 0;
                for (int i = 0; i < n; i++) {
                    total += out[i] < want[i] ? weight[i] : 0;
                }
                if (total <= 0) {
                    break;
                }
                float given = 0;
                for (int i = 0; i < n; i++) {
                    if (out[i] < want[i]) {
                        float add = Math.min(want[i] - out[i], room * weight[i] / total);
                        out[i] += add;
                        given += add;
                    }
                }
                room -= given;
            }
        }

        /** The largest c with the sum of min(w[i], c) at most the page width. */
        private static float capSoSumFits(float[] w) {
            float[] sorted = w.clone();
            java.util.Arrays.sort(sorted);
            float used = 0;
            for (int i = 0; i < sorted.length; i++) {
                float cap = (WIDTH - used) / (sorted.length - i);
                if (sorted[i] >= cap) {
                    return cap;
                }
                used += sorted[i];
            }
            return sorted[sorted.length - 1];
        }

        private static float sum(float[] v) {
            float s = 0;
            for (float x : v) {
                s += x;
            }
            return s;
        }

        private float longestLine(String text, PDType0Font font) throws IOException {
            float max = 0;
            for (String line : text.split("\n")) {
                max = Math.max(max, width(line, font, SMALL));
            }
            return max;
        }

        private float longestWord(String text, PDType0Font font) throws IOException {
            float max = 0;
            for (String word : text.split("[ \\n]")) {
                max = Math.max(max, width(word, font, SMALL));
            }
            return max;
        }

        private List<List<String>> cells(List<String> row, float[] widths, PDType0Font font) throws IOException {
            List<List<String>> out = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                out.add(wrap(row.get(i), font, SMALL, widths[i] - 2 * CELL_PAD));
            }
            return out;
        }

        private static float rowHeight(List<List<String>> cells) {
            int lines = 1;
            for (List<String> c : cells) {
                lines = Math.max(lines, c.size());
            }
            return lines * SMALL * 1.3f + 2 * CELL_PAD;
        }

        private void drawRow(List<List<String>> cells, float[] widths, PDType0Font font, boolean header)
                throws IOException {
            float h = rowHeight(cells);
            ensure(h);
            float x = MARGIN;
            if (header) {
                out.setNonStrokingColor(new Color(0xee, 0xee, 0xee));
                out.addRect(MARGIN, y - h, WIDTH, h);
                out.fill();
            }
            out.setStrokingColor(new Color(0xbb, 0xbb, 0xbb));
            out.setLineWidth(0.5f);
            for (int i = 0; i < cells.size(); i++) {
                out.addRect(x, y - h, widths[i], h);
                out.stroke();
                float ty = y - CELL_PAD - SMALL;
                for (String line : cells.get(i)) {
                    show(line, font, SMALL, x + CELL_PAD, ty);
                    ty -= SMALL * 1.3f;
                }
                x += widths[i];
            }
            y -= h;
        }

        private void map(ReportMap m) throws IOException {
            ensure(MAP_HEIGHT + 40);
            float top = y;
            float bottom = y - MAP_HEIGHT;
            ReportMap.Projection p = m.project(WIDTH, MAP_HEIGHT, 18);
            out.setNonStrokingColor(new Color(0xfb, 0xfc, 0xfe));
            out.addRect(MARGIN, bottom, WIDTH, MAP_HEIGHT);
            out.fill();
            out.saveGraphicsState();
            out.addRect(MARGIN, bottom, WIDTH, MAP_HEIGHT);
            out.clip();
            land(m.land(WIDTH, MAP_HEIGHT, 18), top);
            for (ReportMap.Area a : m.areas()) {
                Color c = color(a.kind());
                PDExtendedGraphicsState alpha = new PDExtendedGraphicsState();
                alpha.setNonStrokingAlphaConstant((float) a.kind().style().fillOpacity());
                out.saveGraphicsState();
                out.setGraphicsStateParameters(alpha);
                out.setNonStrokingColor(c);
                out.setStrokingColor(c);
                out.setLineWidth(0.8f);
                ring(a.ring().stream().map(p::apply).toList(), top);
                out.closeAndFillAndStroke();
                out.restoreGraphicsState();
            }
            for (ReportMap.Marker mk : m.markers()) {
                double[] xy = p.apply(mk.at());
                float px = MARGIN + (float) xy[0];
                float py = top - (float) xy[1];
                out.setNonStrokingColor(color(mk.kind()));
                circle(px, py, 3.5f);
                out.fill();
                float labelX = mk.kind() == ReportMap.Kind.SITE ? px - 6 - width(mk.label(), regular, SMALL) : px + 6;
                show(mk.label(), regular, SMALL, labelX, py - 3);
            }
            out.restoreGraphicsState();
            out.setStrokingColor(new Color(0xcc, 0xcc, 0xcc));
            out.setLineWidth(0.5f);
            out.addRect(MARGIN, bottom, WIDTH, MAP_HEIGHT);
            out.stroke();
            y = bottom - 4;
            paragraph(m.caption() + " " + Land.ATTRIBUTION, regular, SMALL, 2);
            float x = MARGIN;
            y -= SMALL * 1.35f;
            for (ReportMap.Kind k : m.kinds()) {
                out.setNonStrokingColor(color(k));
                out.addRect(x, y - 1, 8, 8);
                out.fill();
                out.setNonStrokingColor(Color.BLACK);
                show(k.style().legend(), regular, SMALL, x + 11, y);
                x += 11 + width(k.style().legend(), regular, SMALL) + 14;
            }
            y -= 12;
        }

        /** The sea over the whole box, then the land filled (nonzero keeps lakes open) and outlined. */
        private void land(List<List<double[]>> rings, float top) throws IOException {
            out.setNonStrokingColor(hex(HtmlReport.SEA));
            out.addRect(MARGIN, top - MAP_HEIGHT, WIDTH, MAP_HEIGHT);
            out.fill();
            if (rings.isEmpty()) {
                return;
            }
            for (List<double[]> ring : rings) {
                ring(ring, top);
                out.closePath();
            }
            out.setNonStrokingColor(hex(HtmlReport.LAND));
            out.setStrokingColor(hex(HtmlReport.COAST));
            out.setLineWidth(0.4f);
            out.fillAndStroke();
        }

        /** A ring of map-box points as a path (not yet closed) on the page, the box's top at {@code top}. */
        private void ring(List<double[]> points, float top) throws IOException {
            boolean first = true;
            for (double[] xy : points) {
                float px = MARGIN + (float) xy[0];
                float py = top - (float) xy[1];
                if (first) {
                    out.moveTo(px, py);
                    first = false;
                } else {
                    out.lineTo(px, py);
                }
            }
        }

        private static Color hex(String rgb) {
            return new Color(Integer.parseInt(rgb, 16));
        }

        private void circle(float cx, float cy, float r) throws IOException {
            float k = 0.552f * r;
            out.moveTo(cx + r, cy);
            out.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
            out.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
            out.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
            out.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        }

        private void footers() throws IOException {
            String audit = "Audit log head: entry " + doc.auditHead().seq() + ", SHA-256 "
                    + doc.auditHead().hash();
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream s =
                        new PDPageContentStream(pdf, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                    out = s;
                    show(audit, regular, 6.5f, MARGIN, MARGIN - 18);
                    show(
                            "Generated " + PlainEvidence.time(doc.generatedAt()) + " · page " + (i + 1) + " of "
                                    + pages.size(),
                            regular,
                            6.5f,
                            MARGIN,
                            MARGIN - 27);
                }
            }
        }

        private void show(String text, PDType0Font font, float size, float x, float atY) throws IOException {
            show(text, font, size, x, atY, Color.BLACK);
        }

        private void show(String text, PDType0Font font, float size, float x, float atY, Color color)
                throws IOException {
            out.setNonStrokingColor(color);
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, atY);
            out.showText(printable(text, font));
            out.endText();
        }

        private float width(String text, PDType0Font font, float size) throws IOException {
            return font.getStringWidth(printable(text, font)) / 1000 * size;
        }

        /** Lines of at most {@code max} points; a word longer than a line is cut. */
        private List<String> wrap(String text, PDType0Font font, float size, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String para : printable(text, font).split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (String word : para.split(" ")) {
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (width(candidate, font, size) <= max) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    String rest = word;
                    while (width(rest, font, size) > max && rest.length() > 1) {
                        int cut = rest.length() - 1;
                        while (cut > 1 && width(rest.substring(0, cut), font, size) > max) {
                            cut--;
                        }
                        lines.add(rest.substring(0, cut));
                        rest = rest.substring(cut);
                    }
                    line.append(rest);
                }
                lines.add(line.toString());
            }
            return lines;
        }

        /** The text with control characters as spaces (newlines kept) and glyphs the font lacks as '?'. */
        private String printable(String text, PDType0Font font) {
            StringBuilder sb = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (cp == '\n') {
                    sb.append('\n');
                } else if (Character.isISOControl(cp)) {
                    sb.append(' ');
                } else if (printable
                        .computeIfAbsent(font, f -> new HashMap<>())
                        .computeIfAbsent(cp, c -> hasGlyph(font, c))) {
                    sb.appendCodePoint(cp);
                } else {
                    sb.append('?');
                }
            });
            return sb.toString();
        }

        private static boolean hasGlyph(PDType0Font font, int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        private static Color color(ReportMap.Kind k) {
            return new Color(Integer.parseInt(k.style().rgbHex(), 16));
        }

        private static PDType0Font font(PDDocument pdf, String file) throws IOException {
            try (InputStream in = PdfReport.class.getResourceAsStream("fonts/" + file)) {
                if (in == null) {
                    throw new UncheckedIOException(new IOException("font resource fonts/" + file + " is missing"));
                }
                return PDType0Font.load(pdf, in, true);
            }
        }
    }
}
