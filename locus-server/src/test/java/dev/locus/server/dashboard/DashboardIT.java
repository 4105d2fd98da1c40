package dev.locus.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's headless chromium) against a control plane started on
 * a free loopback port with the embedded database, filled through the REST API with a small fleet
 * whose verdicts and alerts come from real signed receipts. The tests run in order, as a compliance
 * officer's session would: sign in, map, diverted chip, acknowledge, report, live alerts; then an
 * auditor's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT extends LiveBrowserTest {
    private DemoFleet fleet;
    private String officer;
    private String auditor;
    private CertificateAuthority manufacturer;

    DashboardIT() {
        super("");
    }

    @BeforeAll
    void start() throws Exception {
        // the demo fleet has one landmark per city: it assumes every landmark is honest (F = 0);
        // tolerance of lying landmarks is tested in VerdictEngineTest and ToleranceProperties
        manufacturer = startServerTrustingNewManufacturer(
                "locus-dashboard-it", "Dashboard test CA", c -> c.withToleratedLiars(0));
        fleet = new DemoFleet(http, admin);
        fleet.register();
        fleet.measure();
        fleet.markSuspect("lm-syd", "mesh audit: 41 ms to lm-tyo, 3 ms less than light needs between their positions");
        server.cp().assessPending();
        officer = fleet.token("Olivia Officer", "COMPLIANCE_OFFICER");
        auditor = fleet.token("Arthur Auditor", "AUDITOR");
        browser = new Browser(1366, 768);
    }

    private void signIn(String token) {
        browser.signIn(server.base(), token);
    }

    private void go(String hash, String readySelector) {
        browser.js("location.hash = arguments[0]", hash);
        browser.await(By.cssSelector(readySelector));
    }

    @Test
    @Order(1)
    void signIn_rejectsAnUnknownToken_thenShowsTheFleetOnTheMap() {
        browser.submitToken(server.base(), "lct_not_a_real_token");
        assertThat(browser.await(By.id("login-error")).getText()).contains("unknown, revoked or malformed");
        browser.screenshot("01-sign-in-rejected");

        signIn(officer);
        assertThat(browser.driver.findElement(By.id("who-role")).getText()).isEqualTo("Compliance officer");
        assertThat(browser.driver.findElement(By.id("fleet-total")).getText())
                .isEqualTo(Integer.toString(DemoFleet.CHIPS));
        WebElement map = browser.driver.findElement(By.cssSelector(".view-map"));
        assertThat(map.getDomAttribute("data-sites")).isEqualTo("2");
        String breakdown = browser.driver.findElement(By.id("fleet-breakdown")).getText();
        assertThat(breakdown)
                .contains("In licensed zone " + (DemoFleet.HONEST_SG.size() + DemoFleet.HONEST_KL.size()))
                .contains("Outside licensed zone 1")
                .contains("In restricted country 1")
                .contains("No verdict yet 2");
        // the basemap is drawn from the bundled boundaries, restricted jurisdictions named
        assertThat(browser.driver.findElement(By.cssSelector(".side")).getDomProperty("textContent"))
                .contains("Restricted jurisdictions (shaded): CN, HK, MO");
        assertThat(browser.driver
                        .findElement(By.cssSelector(".leaflet-control-attribution"))
                        .getText())
                .contains("Natural Earth");
        browser.screenshot("02-map-laptop-1366x768");
        browser.resizeAndReload(2560, 1440, ".view-map[data-ready='true']");
        browser.screenshot("03-map-large-2560x1440");
        browser.resize(1366, 768);
    }

    @Test
    @Order(2)
    void firstView_isMeasured_fromNavigationToTheMapWithData() {
        // warm the JIT and caches once, as an officer's second visit would, then measure a cold
        // navigation (new document) to the map with data
        List<Double> times = Stream.generate(() -> {
                    browser.driver.navigate().refresh();
                    browser.await(By.cssSelector(".view-map[data-ready='true']"));
                    return ((Number) browser.js("return performance.getEntriesByName('locus:map-ready')[0].startTime"))
                            .doubleValue();
                })
                .limit(6)
                .toList();
        Map<?, ?> nav = (Map<?, ?>) browser.js("const n = performance.getEntriesByType('navigation')[0];"
                + " return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, transfer: n.transferSize};");
        List<Double> measured = times.subList(1, times.size()).stream().sorted().toList();
        double median = measured.get(measured.size() / 2);
        System.out.printf(
                "DASHBOARD first view (navigation start to map with data), ms: runs %s, median %.0f;"
                        + " last navigation: DOMContentLoaded %.0f ms, load %.0f ms%n",
                times, median, ((Number) nav.get("dcl")).doubleValue(), ((Number) nav.get("load")).doubleValue());
        // Each reload must reach the map with data (await fails otherwise) and mark the moment;
        // the time is reported, not asserted: a threshold would fail on a busy CI machine (the
        // target, under 2 s, is checked against these printed figures; see docs/dashboard.md).
        assertThat(median).as("time of the locus:map-ready mark, ms").isPositive();
    }

    @Test
    @Order(3)
    void divertedChip_opensFromTheMap_withItsFeasibleRegion() {
        go("#/map", ".view-map[data-ready='true']");
        browser.driver
                .findElement(By.cssSelector(".site-button[data-site='sg-1']"))
                .click();
        WebElement link =
                browser.await(By.xpath("//div[contains(@class,'site-popup')]//a[text()='" + DemoFleet.DIVERTED + "']"));
        browser.screenshot("04-map-site-popup");
        link.click();
        browser.await(By.cssSelector(".view-chip[data-ready='true']"));
        WebElement region = browser.driver.findElement(By.id("region-map"));
        assertThat(region.getDomAttribute("data-region-drawn")).isEqualTo("true");
        assertThat(Integer.parseInt(region.getDomAttribute("data-discs"))).isGreaterThanOrEqualTo(1);
        browser.screenshot("05-chip-diverted-region");
        String head = browser.driver.findElement(By.cssSelector(".chip-head")).getText();
        assertThat(head).contains("Chip " + DemoFleet.DIVERTED).contains("Outside licensed zone");
        String page = browser.driver.findElement(By.id("view")).getDomProperty("textContent");
        assertThat(page)
                .contains("LIC-SG-2026-01")
                .contains("Singapore Jurong DC")
                .contains("lm-bkk")
                .contains("OUTSIDE_ZONE")
                .contains("Rack B12, server sn 7781-22");
        browser.fullPageScreenshot("05b-chip-diverted-full-page");
        // any verdict of the history can be put on the map
        List<WebElement> show = browser.driver.findElements(By.cssSelector("a.show-verdict"));
        String oldest = show.get(show.size() - 1).getDomAttribute("href");
        String verdictId = oldest.substring(oldest.indexOf("verdict=") + "verdict=".length());
        browser.js("location.hash = arguments[0]", oldest);
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(d ->
                        d.findElement(By.cssSelector(".chip-map h2")).getText().contains("verdict " + verdictId));
        browser.await(By.cssSelector(".view-chip[data-ready='true']"));
    }

    @Test
    @Order(4)
    void officerAcknowledgesTheDivertedChipsAlert_withAReason() {
        String reason = "Exporter contacted; site visit requested for " + DemoFleet.DIVERTED;
        WebElement ack = browser.await(By.cssSelector("button.ack"));
        ack.click();
        WebElement text = browser.await(By.id("transition-reason"));
        // an empty reason is refused by the page before anything is sent
        browser.driver.findElement(By.cssSelector("dialog button.confirm")).click();
        assertThat(browser.driver.findElements(By.cssSelector("dialog[open]"))).hasSize(1);
        assertThat(alertOf(DemoFleet.DIVERTED, "OUTSIDE_ZONE").get("status").asText())
                .isEqualTo("OPEN");
        text.sendKeys(reason);
        browser.screenshot("06-acknowledge-dialog");
        browser.driver.findElement(By.cssSelector("dialog button.confirm")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("view")).getText().contains("Acknowledged by Olivia Officer"));
        JsonNode outside = alertOf(DemoFleet.DIVERTED, "OUTSIDE_ZONE");
        assertThat(outside.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(outside.get("acknowledge_note").asText()).isEqualTo(reason);
        assertThat(outside.get("acknowledged_by").asText()).startsWith("Olivia Officer");
    }

    private JsonNode alertOf(String serial, String rule) {
        for (JsonNode a :
                http.get("/api/v1/alerts?chip_serial=" + serial, admin).json().get("items")) {
            if (a.get("rule").asText().equals(rule)) {
                return a;
            }
        }
        throw new AssertionError("no " + rule + " alert for " + serial);
    }

    @Test
    @Order(5)
    void regulatorReport_downloadsForTheDivertedChip() throws Exception {
        browser.driver.findElement(By.id("download-report-html")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("report-status")).getText().startsWith("Downloaded"));
        Path file = browser.downloads.resolve("locus-report-" + DemoFleet.DIVERTED + ".html");
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> Files.isRegularFile(file));
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html).contains(DemoFleet.DIVERTED).contains("OUTSIDE_ZONE").contains("lm-bkk");
        browser.driver.findElement(By.id("download-report-json")).click();
        Path json = browser.downloads.resolve("locus-report-" + DemoFleet.DIVERTED + ".json");
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> Files.isRegularFile(json));
        assertThat(Http.JSON.readTree(json.toFile()).get("latest_verdict").toString())
                .contains("OUTSIDE_ZONE");
    }

    @Test
    @Order(6)
    void alertQueue_sortsBySeverity_andShowsNewAlertsWithoutReloading() {
        go("#/alerts", "#alert-table");
        List<WebElement> severities = browser.driver.findElements(By.cssSelector("#alert-table tbody .severity"));
        List<String> order = severities.stream().map(WebElement::getText).toList();
        assertThat(order).isNotEmpty();
        assertThat(order).isSortedAccordingTo((a, b) -> rank(a) - rank(b));
        browser.screenshot("07-alert-queue");
        browser.js("window.locusNoReloadMarker = 'still here'");
        int before = browser.driver
                .findElements(By.cssSelector("#alert-table tbody tr"))
                .size();
        // the chip that was never measured answers 0.3 ms from Hong Kong, 2,500 km from its site
        fleet.submit(List.of(fleet.receipt("lm-hkg", DemoFleet.NEVER_MEASURED, 0.3)));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> !d.findElements(
                                By.xpath("//table[@id='alert-table']//tr[contains(@class,'new')]//a[contains(text(),'"
                                        + DemoFleet.NEVER_MEASURED + "')]"))
                        .isEmpty());
        assertThat(browser.js("return window.locusNoReloadMarker")).isEqualTo("still here");
        assertThat(browser.driver
                        .findElements(By.cssSelector("#alert-table tbody tr"))
                        .size())
                .isGreaterThan(before);
        browser.screenshot("08-alert-queue-live-update");
    }

    @Test
    @Order(7)
    void map_updatesItsCountsWhenAChipIsDiverted_withoutReloading() {
        go("#/map", ".view-map[data-ready='true']");
        browser.js("window.locusNoReloadMarker = 'map still here'");
        assertThat(browser.driver.findElement(By.id("fleet-breakdown")).getText())
                .contains("Outside licensed zone 2");
        fleet.submit(List.of(fleet.receipt("lm-hkg", DemoFleet.MEASURED_LATE, 0.3)));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id("fleet-breakdown")).getText().contains("Outside licensed zone 3"));
        assertThat(browser.js("return window.locusNoReloadMarker")).isEqualTo("map still here");
        assertThat(browser.driver.findElement(By.id("fleet-breakdown")).getText())
                .contains("No verdict yet 0");
    }

    private static int rank(String severity) {
        return switch (severity) {
            case "CRITICAL" -> 0;
            case "WARNING" -> 1;
            default -> 2;
        };
    }

    @Test
    @Order(8)
    void fleetViews_countEveryChipOnceInEachGrouping_downloadALicenceReport_andSearchBySerial() throws Exception {
        go("#/fleet", "#chip-table");
        for (String grouping : List.of("licences", "sites", "organisations")) {
            WebElement check = browser.driver.findElement(By.xpath(
                    "//table[@data-grouping='" + grouping + "']/ancestor::section[1]/p[contains(@class,'check')]"));
            assertThat(check.getDomAttribute("class")).contains("ok");
            assertThat(check.getDomAttribute("data-sum")).isEqualTo(Integer.toString(DemoFleet.CHIPS));
        }
        browser.fullPageScreenshot("09-fleet-full-page");
        browser.driver
                .findElement(By.cssSelector(".licence-report[data-licence='LIC-SG-2026-01']"))
                .click();
        Path licenceReport = browser.downloads.resolve("locus-licence-report-LIC-SG-2026-01.html");
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> Files.isRegularFile(licenceReport));
        try {
            assertThat(Files.readString(licenceReport))
                    .contains("LIC-SG-2026-01")
                    .contains(DemoFleet.DIVERTED);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        WebElement q = browser.driver.findElement(By.cssSelector("#chip-search input[name=q]"));
        q.sendKeys("kl-h100");
        q.sendKeys(Keys.ENTER);
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(d ->
                        d.findElements(By.cssSelector("#chip-table tbody tr")).size()
                                == DemoFleet.HONEST_KL.size() + 2);
        assertThat(browser.driver.findElement(By.id("chip-table")).getText()).doesNotContain("SG-H100");
    }

    /**
     * WCAG 2 contrast of every visible text element against its nearest painted background;
     * returns the worst few as "ratio text" strings.
     */
    static final String CONTRAST = "const parse = (c) => {"
            + "  const n = c.match(/[\\d.]+/g).map(Number);"
            + "  return c.startsWith('color(') ? {r: n[0] * 255, g: n[1] * 255, b: n[2] * 255, a: n.length > 3 ? n[3] : 1}"
            + "    : {r: n[0], g: n[1], b: n[2], a: n.length > 3 ? n[3] : 1}; };"
            + " const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };"
            + "  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };"
            + " const bg = (el) => { for (let e = el; e; e = e.parentElement) {"
            + "  const c = parse(getComputedStyle(e).backgroundColor); if (c.a > 0.5) return c; } return {r: 255, g: 255, b: 255}; };"
            + " const out = [];"
            + " for (const el of document.querySelectorAll('#view *, header *')) {"
            + "  const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());"
            + "  if (!own || !el.offsetParent || el.closest('.leaflet-container')) continue;"
            + "  const a = lum(parse(getComputedStyle(el).color)); const b = lum(bg(el));"
            + "  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);"
            + "  out.push([ratio, el.textContent.trim().slice(0, 40)]); }"
            + " out.sort((x, y) => x[0] - y[0]); return out.slice(0, 5).map((x) => x[0].toFixed(2) + ' ' + x[1]);";

    @Test
    @Order(9)
    void text_hasReadableContrast_inEveryMainView() {
        for (String[] view : new String[][] {
            {"#/map", ".view-map[data-ready='true']"},
            {"#/fleet", "#chip-table"},
            {"#/alerts", "#alert-table"},
            {"#/chips/" + DemoFleet.DIVERTED, ".view-chip[data-ready='true']"}
        }) {
            go(view[0], view[1]);
            List<?> worst = (List<?>) browser.js(CONTRAST);
            assertThat(worst).as(view[0]).isNotEmpty();
            double ratio = Double.parseDouble(((String) worst.get(0)).split(" ")[0]);
            System.out.printf("DASHBOARD contrast %s: lowest ratios %s%n", view[0], worst);
            assertThat(ratio).as(view[0] + " lowest contrast: " + worst).isGreaterThanOrEqualTo(4.5);
        }
    }

    @Test
    @Order(10)
    void landmarksView_explainsTheSuspect() {
        go("#/landmarks", ".view-landmarks[data-ready='true']");
        WebElement suspect = browser.driver.findElement(By.cssSelector(".suspects li[data-landmark='lm-syd']"));
        assertThat(suspect.getDomProperty("textContent"))
                .contains("landmark lm-syd marked suspect: mesh audit: 41 ms to lm-tyo");
        WebElement row = browser.driver.findElement(By.xpath("//table//tr[td[contains(text(),'(lm-syd)')]]"));
        assertThat(row.getDomProperty("textContent")).contains("SUSPECT");
        // resolve the suspect's alert with a reason
        suspect.findElement(By.cssSelector("button.resolve")).click();
        browser.await(By.id("transition-reason"))
                .sendKeys("Position re-surveyed by GNSS; landmark restored after audit");
        browser.driver.findElement(By.cssSelector("dialog button.confirm")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(d -> http.get("/api/v1/alerts?status=RESOLVED", admin)
                        .json()
                        .get("items")
                        .toString()
                        .contains("Position re-surveyed by GNSS"));
        browser.screenshot("10-landmarks");
    }

    @Test
    @Order(11)
    void keyboard_reachesSkipLinkAndNavigation() {
        // a fresh document (a reload, not a fragment change), so keyboard navigation starts at the top
        go("#/map", ".view-map[data-ready='true']");
        browser.driver.navigate().refresh();
        browser.await(By.cssSelector(".view-map[data-ready='true']"));
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        assertThat(browser.js("return document.activeElement.className")).isEqualTo("skip-link");
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        assertThat(browser.js("return document.activeElement.getAttribute('href')"))
                .isEqualTo("#/map");
        new Actions(browser.driver).sendKeys(Keys.TAB, Keys.TAB).perform();
        assertThat(browser.js("return document.activeElement.getAttribute('href')"))
                .isEqualTo("#/alerts");
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        browser.await(By.id("alert-table"));
    }

    @Test
    @Order(12)
    void auditor_seesEverything_andCanChangeNothing() {
        browser.driver.findElement(By.id("logout")).click();
        browser.await(By.id("token"));
        signIn(auditor);
        assertThat(browser.driver.findElement(By.id("who-role")).getText()).isEqualTo("Auditor (read-only)");
        go("#/alerts", "#alert-table");
        assertThat(browser.driver.findElement(By.id("readonly-note")).getText()).contains("Read-only");
        assertThat(browser.driver.findElements(By.cssSelector("button.ack, button.resolve")))
                .isEmpty();
        browser.screenshot("11-auditor-alerts");
        go("#/chips/" + DemoFleet.IN_CHINA, ".view-chip[data-ready='true']");
        assertThat(browser.driver.findElement(By.cssSelector(".chip-head")).getText())
                .contains("In restricted country");
        assertThat(browser.driver.findElements(By.cssSelector("button.ack, button.resolve")))
                .isEmpty();
        browser.screenshot("12-auditor-chip-in-restricted");
        // the server refuses the auditor's token whatever the page offers
        long alertId = http.get("/api/v1/alerts?chip_serial=" + DemoFleet.IN_CHINA, admin)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        Map<?, ?> refused = (Map<?, ?>) browser.asyncJs(
                "const done = arguments[arguments.length - 1];"
                        + " fetch('/api/v1/alerts/' + arguments[0] + '/resolve', {method: 'POST', headers: {"
                        + " 'Authorization': 'Bearer ' + sessionStorage.getItem('locus.token'),"
                        + " 'Content-Type': 'application/json'}, body: JSON.stringify({note: 'auditor tries'})})"
                        + ".then(async r => done({status: r.status, body: await r.text()}));",
                alertId);
        assertThat(((Number) refused.get("status")).intValue()).isEqualTo(403);
        assertThat((String) refused.get("body")).contains("FORBIDDEN");
        assertThat(http.get("/api/v1/alerts/" + alertId, admin)
                        .json()
                        .get("status")
                        .asText())
                .isNotEqualTo("RESOLVED");
    }

    @Test
    @Order(13)
    void chipWithADeviceCertificate_showsItsSubjectIssuerSerialValidityAndFingerprint() {
        String serial = "KL-H200-0060";
        Pkcs12DeviceKey key =
                Pkcs12DeviceKey.generate(manufacturer, serial, "H200", Duration.ofDays(30), new SecureRandom());
        fleet.chip(
                serial,
                "H200",
                Map.of(
                        "declared_site_id",
                        "kl-1",
                        "device_certificate",
                        Certificates.toPem(key.identity().certificate())));
        go("#/chips/" + serial, ".view-chip[data-ready='true']");
        String facts = browser.driver.findElement(By.cssSelector(".facts")).getText();
        assertThat(facts)
                .contains("Certificate subject")
                .contains("SERIALNUMBER=" + serial + ",CN=H200,O=Locus device")
                .contains("CN=Dashboard test CA,O=Locus")
                .contains(key.identity().certificate().getSerialNumber().toString(16))
                .contains(key.identity().fingerprint().toHex())
                .doesNotContain("(expired)");
        // the page shows times to the minute in UTC, e.g. 2026-12-22 18:30 UTC
        String notAfter = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(key.identity().certificate().getNotAfter().toInstant());
        assertThat(facts).contains("to " + notAfter);
        browser.screenshot("13-chip-device-certificate");
    }
}
