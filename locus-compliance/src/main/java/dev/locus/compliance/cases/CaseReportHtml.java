package dev.locus.compliance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * A case report as a self-contained HTML page a regulator can read: the conclusion first, then
 * each section as a heading with its facts in nested tables. Every text is escaped; no script.
 */
public final class CaseReportHtml {
    private CaseReportHtml() {}

    public static String render(Map<String, Object> report, ObjectMapper json) {
        JsonNode root = json.valueToTree(report);
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(root.path("title").asText()))
                .append(
                        "</title><style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:70em}"
                                + "table{border-collapse:collapse;margin:.3em 0}td,th{border:1px solid #bbb;padding:.2em .4em;"
                                + "vertical-align:top;text-align:left}th{background:#f2f2f2;font-weight:600}"
                                + ".conclusion{font-size:1.2em;border-left:4px solid #b00;padding-left:.6em}</style></head><body>\n");
        b.append("<h1>").append(esc(root.path("title").asText())).append("</h1>\n");
        b.append("<p class=\"conclusion\" id=\"conclusion\">")
                .append(esc(root.path("conclusion").asText()))
                .append("</p>\n");
        b.append("<p>Generated ")
                .append(esc(root.path("generated_at").asText()))
                .append(". Audit log head: seq ")
                .append(esc(root.path("audit_head").path("seq").asText()))
                .append(", hash <code id=\"audit-head\">")
                .append(esc(root.path("audit_head").path("hash").asText()))
                .append("</code>.</p>\n");
        root.properties().forEach(e -> {
            if (!Map.of("title", 1, "conclusion", 1, "generated_at", 1, "audit_head", 1)
                    .containsKey(e.getKey())) {
                b.append("<h2>").append(esc(e.getKey().replace('_', ' '))).append("</h2>\n");
                value(b, e.getValue());
                b.append('\n');
            }
        });
        return b.append("</body></html>\n").toString();
    }

    private static void value(StringBuilder b, JsonNode n) {
        if (n.isObject()) {
            if (n.isEmpty()) {
                b.append("<em>none</em>");
                return;
            }
            b.append("<table>");
            n.properties().forEach(e -> {
                b.append("<tr><th>").append(esc(e.getKey().replace('_', ' '))).append("</th><td>");
                value(b, e.getValue());
                b.append("</td></tr>");
            });
            b.append("</table>");
        } else if (n.isArray()) {
            if (n.isEmpty()) {
                b.append("<em>none</em>");
                return;
            }
            b.append("<ol>");
            n.forEach(x -> {
                b.append("<li>");
                value(b, x);
                b.append("</li>");
            });
            b.append("</ol>");
        } else if (n.isNull() || n.isMissingNode()) {
            b.append("<em>none</em>");
        } else {
            b.append(esc(n.asText()));
        }
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
