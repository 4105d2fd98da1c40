package dev.locus.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's own files hand no text to an HTML parser: no innerHTML-like sink, no string given
 * to a Leaflet tooltip or popup (Leaflet parses strings as HTML), no inline style or handler that
 * the Content-Security-Policy would refuse. DashboardInjectionIT shows the same in the browser;
 * this finds a new sink in a file before any data reaches it.
 */
class StaticFilesTest {
    static final Path STATIC =
            Path.of("..", "locus-dashboard", "src", "main", "resources", "dev", "locus", "dashboard", "static");

    /** Sinks that parse a string as markup. */
    static final Pattern HTML_SINK = Pattern.compile(
            "\\.(innerHTML|outerHTML)\\s*[+]?=|insertAdjacentHTML|document\\.write|createContextualFragment|DOMParser");
    /** Leaflet content given as a string or template literal rather than a DOM node. */
    static final Pattern LEAFLET_STRING =
            Pattern.compile("\\.(bindTooltip|bindPopup|setTooltipContent|setPopupContent|setContent)\\(\\s*[`'\"]");
    /** Inline styles set as an attribute (refused under style-src without 'unsafe-inline'). */
    static final Pattern STYLE_ATTRIBUTE =
            Pattern.compile("style\\s*:\\s*[`'\"]|setAttribute\\(\\s*'style'|\\.style\\s*=|cssText");

    @Test
    void scripts_useNoHtmlSink_noLeafletStringContent_noStyleAttribute() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(STATIC.resolve("js"))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".js")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    for (Pattern p : List.of(HTML_SINK, LEAFLET_STRING, STYLE_ATTRIBUTE)) {
                        Matcher m = p.matcher(lines.get(i));
                        if (m.find()) {
                            found.add(f.getFileName() + ":" + (i + 1) + ": "
                                    + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(found).as("markup sinks in the dashboard's scripts").isEmpty();
    }

    @Test
    void page_hasNoInlineScriptStyleOrHandler() throws IOException {
        String html = Files.readString(STATIC.resolve("index.html"));
        assertThat(html)
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)")
                .doesNotContain("<style")
                .doesNotContainPattern("\\sstyle=")
                .doesNotContainPattern("\\son[a-z]+=")
                .contains("rel=\"icon\"");
    }

    @Test
    void theSinkPatterns_findWhatTheyAreFor() {
        assertThat(HTML_SINK.matcher("el.innerHTML = x").find()).isTrue();
        assertThat(LEAFLET_STRING.matcher("m.bindTooltip(`${site.name}`)").find())
                .isTrue();
        assertThat(LEAFLET_STRING.matcher("m.bindTooltip(textNode(site.name))").find())
                .isFalse();
        assertThat(STYLE_ATTRIBUTE
                        .matcher("h('span', { style: `--swatch: red` })")
                        .find())
                .isTrue();
        assertThat(STYLE_ATTRIBUTE.matcher("span.style.setProperty('--x', c)").find())
                .isFalse();
    }
}
