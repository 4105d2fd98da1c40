package dev.locus.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * Stored text is text: markup is stored through the REST API in every name a user controls
 * (organisation, site, licence conditions, chip model,
 * landmark, custody note, landmark suspicion reason, alert acknowledgement, token name), and every
 * view of the dashboard (map with its tooltips and popup, fleet, alerts, chip with its map,
 * landmarks with their map) and both HTML reports must show it as the literal text, with no element
 * of it in the page and no Content-Security-Policy violation or script error in the browser.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardInjectionIT extends LiveBrowserTest {
    /** Markup whose elements all carry an id starting with "pwn-", so any that reached the DOM is found. */
    static String markup(String tag) {
        return "<img src=x id=pwn-" + tag + "></script>\"><svg id=pwn-" + tag + "s></svg><h1 id=pwn-" + tag + "h>" + tag
                + "</h1>";
    }

    static final String ORG = markup("org");
    static final String SITE = markup("site");
    static final String CONDITIONS = markup("cond");
    /** 64 characters at most. */
    static final String MODEL = "<img src=x id=pwn-model>\"><h1 id=pwn-modelh>model</h1>";

    static final String LANDMARK = markup("lm");
    static final String REASON = markup("reason");
    static final String NOTE = markup("note");
    static final String ACK = markup("ack");
    static final String OFFICER = "<b id=pwn-tok>Officer</b>\"><svg id=pwn-toks>";
    static final String SERIAL = "XSS-0001";
    static final String LICENCE = "LIC-XSS-1";

    /** Collects CSP violations and script errors from the first moment of every document. */
    static final String PROBLEM_RECORDER = "window.__locusProblems = [];"
            + " document.addEventListener('securitypolicyviolation', (e) => window.__locusProblems.push("
            + "  'CSP ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' ' + (e.sample || '')));"
            + " window.addEventListener('error', (e) => window.__locusProblems.push('error ' + e.message));"
            + " window.addEventListener('unhandledrejection', (e) => window.__locusProblems.push('rejection ' + e.reason));"
            + " const original = console.error;"
            + " console.error = (...a) => { window.__locusProblems.push('console.error ' + a.join(' ')); original.apply(console, a); };";

    /** Opens the tooltip of every marker and shape of a view's map except the basemap's countries. */
    static final String OPEN_TOOLTIPS = "const map = document.getElementById(arguments[0]).__locusMap; let n = 0;"
            + " map.eachLayer((l) => { if (l.getTooltip && l.getTooltip() && !(l.feature && l.feature.properties.iso_a2)) {"
            + "  l.openTooltip(); n++; } });"
            + " return n;";

    private String officer;

    DashboardInjectionIT() {
        super("injection-");
    }

    @BeforeAll
    void start() throws Exception {
        startServerTrustingNewManufacturer(
                "locus-dashboard-injection-it", "Injection test CA", UnaryOperator.identity());
        storeMarkupEverywhere();
        browser = new Browser(1440, 900);
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBLEM_RECORDER));
    }

    private void storeMarkupEverywhere() {
        DemoFleet fleet = new DemoFleet(http, admin);
        fleet.org("pwn-org", ORG, "CLOUD_OPERATOR", "SG");
        fleet.org("exp", "Exporter", "EXPORTER", "US");
        fleet.site("pwn-site", SITE, "pwn-org", "SG", 1.33, 103.74, 80);
        http.ok(
                "/api/v1/licences",
                admin,
                Map.of(
                        "id", LICENCE,
                        "exporter_id", "exp",
                        "end_user_id", "pwn-org",
                        "site_id", "pwn-site",
                        "chip_count", 5,
                        "conditions", CONDITIONS,
                        "valid_from", "2026-01-01",
                        "valid_until", "2027-12-31"));
        // (no device certificate: a certificate binding a model with markup is refused today, because
        // the trust check compares the model with the subject's escaped string form)
        chip(fleet, SERIAL, MODEL);
        fleet.custody(SERIAL, "INSTALLED", "pwn-site", "2026-03-04T15:30:00Z", NOTE);
        fleet.landmark("lm-pwn", LANDMARK, 1.35, 103.82);
        fleet.landmark("lm-far", "Far landmark", 22.32, 114.17);
        // a second chip of the site, diverted to Hong Kong, so the site needs attention on the map
        chip(fleet, "XSS-0002", "H100");
        // a receipt 0.3 ms from the landmark: the chip gets a verdict and its page a region and markers
        fleet.submit(List.of(fleet.receipt("lm-pwn", SERIAL, 0.3), fleet.receipt("lm-far", "XSS-0002", 0.3)));
        server.cp().assessPending();
        fleet.markSuspect("lm-far", REASON);
        officer = fleet.token(OFFICER, "COMPLIANCE_OFFICER");
        long alert = http.get("/api/v1/alerts?status=OPEN", admin)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        http.ok("/api/v1/alerts/" + alert + "/acknowledge", officer, Map.of("note", ACK));
    }

    /** A chip of the licence at the markup site, not yet installed, with the fleet's device key. */
    private static void chip(DemoFleet fleet, String serial, String model) {
        fleet.chip(
                serial,
                model,
                Map.of(
                        "licence_id",
                        LICENCE,
                        "declared_site_id",
                        "pwn-site",
                        "device_public_key",
                        fleet.deviceKey(serial)));
    }

    private void go(String hash, String readySelector) {
        browser.js("location.hash = arguments[0]", hash);
        browser.await(By.cssSelector(readySelector));
    }

    /** No element of any payload in the document, and nothing refused or thrown so far. */
    private void assertNothingInjected(String where) {
        assertThat((List<?>)
                        browser.js("return [...document.querySelectorAll('[id^=\"pwn-\"]')].map((e) => e.outerHTML)"))
                .as("elements injected in " + where)
                .isEmpty();
        assertThat((List<?>) browser.js("return window.__locusProblems"))
                .as("CSP violations and script errors in " + where)
                .isEmpty();
    }

    /**
     * Saves a screenshot of the whole page as {@code screenshot} and asserts that nothing was
     * injected in the view, {@code where}.
     */
    private void assertViewShownAsText(String screenshot, String where) {
        browser.fullPageScreenshot(screenshot);
        assertNothingInjected(where);
    }

    /** Opens the tooltip of every marker and shape of the map {@code mapId}; how many opened. */
    private int openTooltips(String mapId) {
        return ((Number) browser.js(OPEN_TOOLTIPS, mapId)).intValue();
    }

    private String text(String selector) {
        return (String) browser.js("return document.querySelector(arguments[0]).textContent", selector);
    }

    @Test
    @Order(1)
    void theDashboardIsServedWithAStrictPolicy_andTheMarkupIsStoredAsGiven() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.base() + "/")).build(),
                        HttpResponse.BodyHandlers.ofString());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval")
                .contains("script-src 'self'")
                .contains("style-src 'self'");
        assertThat(page.body())
                .doesNotContain("style=")
                .doesNotContain("<script>")
                .doesNotContainPattern(" on[a-z]+=");
        // the API keeps what it was given: escaping is the job of whoever renders it
        assertThat(http.get("/api/v1/chips/" + SERIAL, admin)
                        .json()
                        .get("model")
                        .asText())
                .isEqualTo(MODEL);
    }

    @Test
    @Order(2)
    void map_tooltipsPopupAndSidePanel_showTheNamesAsText() {
        browser.signIn(server.base(), officer);
        assertThat(text("#who-name")).isEqualTo(OFFICER);
        assertThat(text(".side")).contains(SITE);
        assertThat(openTooltips("fleet-map")).isGreaterThanOrEqualTo(3);
        assertThat(text(".leaflet-tooltip-pane")).contains(SITE).contains(LANDMARK);
        browser.driver
                .findElement(By.cssSelector(".site-button[data-site='pwn-site']"))
                .click();
        browser.await(By.xpath("//div[contains(@class,'site-popup')]//a[text()='" + SERIAL + "']"));
        assertThat(text(".site-popup")).contains(SITE).contains(ORG);
        browser.screenshot("injection-01-map-1440x900");
        assertNothingInjected("the map");
    }

    @Test
    @Order(3)
    void fleet_showsSiteOrganisationAndModelAsText() {
        go("#/fleet", "#chip-table");
        String page = text("#view");
        assertThat(page).contains(SITE).contains(ORG).contains(MODEL);
        assertThat((List<?>) browser.js(
                        "return [...document.querySelectorAll('#chip-search option')].map((o) => o.textContent)"))
                .anySatisfy(o -> assertThat((String) o).contains(SITE))
                .anySatisfy(o -> assertThat((String) o).contains(ORG));
        assertViewShownAsText("injection-02-fleet", "the fleet view");
    }

    @Test
    @Order(4)
    void alerts_showReasonNoteAndTokenNameAsText() {
        go("#/alerts", "#alert-table");
        assertThat(text("#alert-table")).contains(REASON).contains(ACK).contains(OFFICER);
        assertViewShownAsText("injection-03-alerts", "the alert queue");
    }

    @Test
    @Order(5)
    void chip_showsModelCertificateSiteConditionsCustodyAndNotesAsText_onThePageAndItsMap() {
        go("#/chips/" + SERIAL, ".view-chip[data-ready='true']");
        String page = text("#view");
        assertThat(page).contains(MODEL).contains(SITE).contains(CONDITIONS).contains(NOTE);
        assertThat(openTooltips("region-map")).isGreaterThanOrEqualTo(2);
        assertThat(text("#region-map .leaflet-tooltip-pane")).contains(SITE);
        assertViewShownAsText("injection-04-chip", "the chip view");
    }

    @Test
    @Order(6)
    void landmarks_showNameAndReasonAsText_onThePageAndItsMap() {
        go("#/landmarks", ".view-landmarks[data-ready='true']");
        assertThat(text("#view")).contains(LANDMARK).contains(REASON);
        assertThat(openTooltips("landmark-map")).isEqualTo(2);
        assertThat(text("#landmark-map .leaflet-tooltip-pane")).contains(LANDMARK);
        assertViewShownAsText("injection-05-landmarks", "the landmarks view");
    }

    @Test
    @Order(7)
    void reports_escapeEveryStoredString_andAllowNoInlineStyleButTheirOwn() throws Exception {
        for (String path : List.of(
                "/api/v1/chips/" + SERIAL + "/report?format=html",
                "/api/v1/licences/" + LICENCE + "/report?format=html")) {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.base() + path))
                                    .header("Authorization", "Bearer " + admin)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .as(path)
                    .startsWith("default-src 'none'; style-src 'sha256-")
                    .doesNotContain("unsafe-inline");
            // parsed by the browser's own HTML parser: not one element of the payloads, all of their text
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = (Map<String, Object>) browser.js(
                    "const d = new DOMParser().parseFromString(arguments[0], 'text/html');"
                            + " return {injected: d.querySelectorAll('[id^=\"pwn-\"], script, [style]').length,"
                            + " styles: d.querySelectorAll('style').length, text: d.body.textContent};",
                    r.body());
            assertThat(((Number) parsed.get("injected")).intValue()).as(path).isZero();
            assertThat(((Number) parsed.get("styles")).intValue()).as(path).isEqualTo(1);
            assertThat((String) parsed.get("text")).as(path).contains(MODEL);
        }
        // parsing a report inside the dashboard's page meets the dashboard's policy, which refuses
        // the report's own style element: that one, and only that, is expected here
        assertThat((List<?>) browser.js("const p = window.__locusProblems; window.__locusProblems = []; return p;"))
                .allSatisfy(p -> assertThat((String) p).startsWith("CSP style-src-elem blocked inline"));
        String chipReport = http.get("/api/v1/chips/" + SERIAL + "/report?format=html", admin)
                .text();
        List<String> expected = new ArrayList<>(List.of(CONDITIONS, NOTE));
        for (String s : expected) {
            assertThat(chipReport)
                    .doesNotContain(s)
                    .contains(s.replace("&", "&amp;")
                            .replace("<", "&lt;")
                            .replace(">", "&gt;")
                            .replace("\"", "&quot;"));
        }
    }

    @Test
    @Order(8)
    void everyStoredPayloadWasSeenAsTextSomewhere_soNoneEscapedTheCheck() {
        Map<String, String> everywhere = new LinkedHashMap<>();
        for (String[] view : new String[][] {
            {"#/map", ".view-map[data-ready='true']"},
            {"#/fleet", "#chip-table"},
            {"#/alerts", "#alert-table"},
            {"#/chips/" + SERIAL, ".view-chip[data-ready='true']"},
            {"#/landmarks", ".view-landmarks[data-ready='true']"}
        }) {
            go(view[0], view[1]);
            everywhere.put(view[0], (String) browser.js("return document.body.textContent"));
        }
        String all = String.join("\n", everywhere.values());
        for (String s : List.of(ORG, SITE, CONDITIONS, MODEL, LANDMARK, REASON, NOTE, ACK, OFFICER)) {
            assertThat(all).as("payload shown as text somewhere: " + s).contains(s);
        }
        JsonNode me = http.get("/api/v1/dashboard/me", officer).json();
        assertThat(me.get("name").asText()).isEqualTo(OFFICER);
        assertNothingInjected("all views");
    }
}
