package dev.locus.server.reports;

import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link ReportDocument} as one self-contained HTML page: no script, no external
 * resource, its only style the page's own element (see {@link #CONTENT_SECURITY_POLICY}), the map
 * as inline SVG drawn with presentation attributes. Every text is escaped. Stateless.
 */
public final class HtmlReport {
    private static final double MAP_WIDTH = 720;
    private static final double MAP_HEIGHT = 420;
    /** Sea, land and coastline colours of every report map (RGB hex), shared with {@link PdfReport}. */
    static final String SEA = "e6eef6";

    static final String LAND = "f6f4ec";
    static final String COAST = "8e9a8e";

    private static final String STYLE = "body{font-family:'DejaVu Sans',sans-serif;margin:2em auto;max-width:60em;"
            + "color:#1a1a1a;line-height:1.4}h1{font-size:1.6em;margin-bottom:.3em}.conclusion{font-size:1.15em;border-left:4px"
            + " solid #1f3a68;padding:.4em .8em;background:#f3f5f9}dl.facts{display:grid;grid-template-columns:max-content"
            + " 1fr;gap:.2em 1em}dt{font-weight:bold}dd{margin:0}table{border-collapse:collapse;margin:.5em 0"
            + " 1.5em}td,th{border:1px solid #bbb;padding:.25em"
            + " .5em;text-align:left;vertical-align:top}th{background:#eee}figure{margin:1em"
            + " 0}svg{max-width:100%;height:auto;border:1px solid"
            + " #ccc;background:#fbfcfe}figcaption{font-size:.9em}ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3em"
            + " 1.2em}.audit{font-family:'DejaVu Sans Mono',monospace;"
            + "word-break:break-all}footer{margin-top:2em;font-size:.9em;color:#444}td{white-space:pre-line}";

    /** The header to serve {@link #render} with: no script, no inline style but the page's own. */
    public static final String CONTENT_SECURITY_POLICY = ReportPolicy.forStyle(STYLE);

    private HtmlReport() {}

    /** The page. */
    public static String render(ReportDocument doc) {
        StringBuilder sb = new StringBuilder(16_384);
        sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(doc.title()))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body><h1>")
                .append(esc(doc.title()))
                .append("</h1><p class=\"conclusion\">")
                .append(esc(doc.conclusion()))
                .append("</p>");
        if (!doc.keyFacts().isEmpty()) {
            sb.append("<dl class=\"facts\">");
            for (ReportDocument.Fact f : doc.keyFacts()) {
                sb.append("<dt>")
                        .append(esc(f.label()))
                        .append("</dt><dd>")
                        .append(esc(f.value()))
                        .append("</dd>");
            }
            sb.append("</dl>");
        }
        doc.map().ifPresent(m -> map(sb, m));
        for (ReportDocument.Section s : doc.sections()) {
            sb.append("<h2>").append(esc(s.heading())).append("</h2>");
            for (ReportDocument.Block b : s.blocks()) {
                switch (b) {
                    case ReportDocument.Paragraph p ->
                        sb.append("<p>").append(esc(p.text())).append("</p>");
                    case ReportDocument.Table t -> table(sb, t);
                }
            }
        }
        sb.append("<footer><p>Generated ")
                .append(esc(PlainEvidence.time(doc.generatedAt())))
                .append(". Audit log head when generated: entry ")
                .append(doc.auditHead().seq())
                .append(", SHA-256 <span class=\"audit\">")
                .append(esc(doc.auditHead().hash()))
                .append("</span>.</p></footer></body></html>\n");
        return sb.toString();
    }

    private static void table(StringBuilder sb, ReportDocument.Table t) {
        if (t.rows().isEmpty()) {
            sb.append("<p>").append(esc(t.empty())).append("</p>");
            return;
        }
        sb.append("<table><tr>");
        t.columns().forEach(c -> sb.append("<th>").append(esc(c)).append("</th>"));
        sb.append("</tr>");
        for (List<String> row : t.rows()) {
            sb.append("<tr>");
            row.forEach(c -> sb.append("<td>").append(esc(c)).append("</td>"));
            sb.append("</tr>");
        }
        sb.append("</table>");
    }

    private static void map(StringBuilder sb, ReportMap m) {
        ReportMap.Projection p = m.project(MAP_WIDTH, MAP_HEIGHT, 24);
        sb.append("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(num(MAP_WIDTH))
                .append(' ')
                .append(num(MAP_HEIGHT))
                .append("\" width=\"")
                .append(num(MAP_WIDTH))
                .append("\" height=\"")
                .append(num(MAP_HEIGHT))
                .append("\"><title>")
                .append(esc(m.caption()))
                .append("</title>");
        land(sb, m.land(MAP_WIDTH, MAP_HEIGHT, 24));
        for (ReportMap.Area a : m.areas()) {
            sb.append("<polygon fill=\"#")
                    .append(a.kind().style().rgbHex())
                    .append("\" fill-opacity=\"")
                    .append(num(a.kind().style().fillOpacity()))
                    .append("\" stroke=\"#")
                    .append(a.kind().style().rgbHex())
                    .append("\" stroke-width=\"1.2\" points=\"");
            for (ReportMap.LonLat ll : a.ring()) {
                double[] xy = p.apply(ll);
                sb.append(num(xy[0])).append(',').append(num(xy[1])).append(' ');
            }
            sb.append("\"><title>").append(esc(a.label())).append("</title></polygon>");
        }
        for (ReportMap.Marker mk : m.markers()) {
            double[] xy = p.apply(mk.at());
            sb.append("<circle cx=\"")
                    .append(num(xy[0]))
                    .append("\" cy=\"")
                    .append(num(xy[1]))
                    .append("\" r=\"5\" fill=\"#")
                    .append(mk.kind().style().rgbHex())
                    .append("\" stroke=\"#fff\" stroke-width=\"1.5\"/><text x=\"")
                    .append(num(mk.kind() == ReportMap.Kind.SITE ? xy[0] - 8 : xy[0] + 8))
                    .append(mk.kind() == ReportMap.Kind.SITE ? "\" text-anchor=\"end" : "")
                    .append("\" y=\"")
                    .append(num(xy[1] + 4))
                    .append("\" font-size=\"12\" fill=\"#1a1a1a\">")
                    .append(esc(mk.label()))
                    .append("</text>");
        }
        sb.append("</svg><figcaption>")
                .append(esc(m.caption()))
                .append(' ')
                .append(esc(Land.ATTRIBUTION))
                .append("<ul class=\"legend\">");
        for (ReportMap.Kind k : m.kinds()) {
            sb.append("<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect width=\"14\" height=\"14\""
                            + " fill=\"#")
                    .append(k.style().rgbHex())
                    .append("\" fill-opacity=\"")
                    .append(num(Math.max(0.35, k.style().fillOpacity())))
                    .append("\" stroke=\"#")
                    .append(k.style().rgbHex())
                    .append("\"/></svg> ")
                    .append(esc(k.style().legend()))
                    .append("</li>");
        }
        sb.append("</ul></figcaption></figure>");
    }

    /** The sea as the background, the land on it, one path (nonzero fill keeps lakes open). */
    private static void land(StringBuilder sb, List<List<double[]>> rings) {
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#").append(SEA).append("\"/>");
        if (rings.isEmpty()) {
            return;
        }
        sb.append("<path class=\"land\" fill=\"#")
                .append(LAND)
                .append("\" stroke=\"#")
                .append(COAST)
                .append("\" stroke-width=\"0.7\" d=\"");
        for (List<double[]> ring : rings) {
            char op = 'M';
            for (double[] xy : ring) {
                sb.append(op).append(num(xy[0])).append(',').append(num(xy[1]));
                op = 'L';
            }
            sb.append('Z');
        }
        sb.append("\"><title>land (Natural Earth)</title></path>");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Text as HTML character data or attribute value. */
    public static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
