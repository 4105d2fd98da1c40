package dev.locus.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.ControlPlane;
import dev.locus.server.Fixtures;
import dev.locus.server.ServerConfig;
import dev.locus.server.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A compliance officer's registry work in headless Chromium: registers a site and a licence through
 * the forms (a bad latitude is named next to its field), moves a chip to the new licence (the
 * licence's site is named when the chip's site does not match), meets a stale edit answered 409,
 * records a custody event on the chip page, and finds all of it in the audit trail with the chain
 * verified. An auditor sees no edit buttons; a name with markup is shown as text. Screenshots at
 * 1440×900 and 800×900 go to target/screenshots, and at 800 px no page is wider than the window.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SuppressWarnings("unchecked")
class OfficerEditingIT {
    private static final String MARKUP = "<img id=\"pwn-org\" src=x onerror=\"window.__pwned=1\">Harbour Ops";

    /** Elements whose right edge lies beyond the page's visible width (inside a scroll box excepted). */
    private static final String WIDER_THAN_THE_WINDOW = "const w = document.documentElement.clientWidth;"
            + " return [...document.querySelectorAll('#main *')].filter((el) => !el.closest('.table-scroll')"
            + "  && !el.closest('.leaflet-container') && el.getClientRects().length"
            + "  && el.getBoundingClientRect().right > w + 0.5)"
            + " .slice(0, 8).map((el) => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right) + '>' + w);";

    private ControlPlane cp;
    private String base;
    private Http http;
    private String officer;
    private String auditor;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        Path dataDir = Files.createTempDirectory("locus-officer-editing-it");
        cp = ControlPlane.start(
                ServerConfig.defaults(dataDir).withPort(0).withDatabase(TestDatabases.freshConfig("h2")),
                InstantSource.system());
        base = "http://127.0.0.1:" + cp.port();
        http = new Http(base);
        String admin =
                Files.readString(dataDir.resolve(ControlPlane.ADMIN_TOKEN_FILE)).strip();
        Fixtures.populate(cp.registry(), Fixtures.ed25519());
        http.ok(
                "/api/v1/organisations",
                admin,
                Map.of("id", "harbour", "name", MARKUP, "kind", "CLOUD_OPERATOR", "country", "SG"));
        officer = http.ok("/api/v1/tokens", admin, Map.of("name", "officer-ana", "role", "COMPLIANCE_OFFICER"))
                .path("token")
                .asText();
        auditor = http.ok("/api/v1/tokens", admin, Map.of("name", "auditor-bo", "role", "AUDITOR"))
                .path("token")
                .asText();
        browser = new Browser(1440, 900);
        browser.driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument", Map.of("source", DashboardInjectionIT.PROBLEM_RECORDER));
    }

    @AfterAll
    void stop() {
        try (ControlPlane server = cp;
                Browser b = browser) {
            // both closed, the browser first; either is null when start() failed before it
        }
    }

    private void signIn(String token) {
        browser.driver.get(base + "/");
        browser.js("sessionStorage.clear()");
        browser.driver.navigate().refresh();
        browser.await(By.id("token")).sendKeys(token);
        browser.driver
                .findElement(By.cssSelector("#login-form button[type=submit]"))
                .click();
        browser.await(By.cssSelector(".view-map[data-ready='true']"));
    }

    /** Shows the page at {@code hash}, drawn afresh (also when it is already the current one). */
    private void open(String hash, String view) {
        browser.js(
                "const old = document.querySelector('#view > .view'); if (old) old.dataset.stale = 'true';"
                        + " if (location.hash === arguments[0]) window.dispatchEvent(new HashChangeEvent('hashchange'));"
                        + " else location.hash = arguments[0];",
                hash);
        browser.awaitPresent(By.cssSelector(".view-" + view + "[data-ready='true']:not([data-stale])"));
    }

    /** Opens a form afresh with its button (an open one of the same id is closed first). */
    private void openForm(String button, String formId) {
        browser.js("const old = document.getElementById(arguments[0]); if (old) old.remove();", formId);
        click(button);
        browser.awaitPresent(By.id(formId));
    }

    private void click(String css) {
        browser.await(By.cssSelector(css)).click();
    }

    /** Sets a form control's value as a person picking or typing it would (date inputs included). */
    private void set(String css, String value) {
        browser.awaitPresent(By.cssSelector(css));
        browser.js(
                "const el = document.querySelector(arguments[0]); el.value = arguments[1];"
                        + " el.dispatchEvent(new Event('input', {bubbles: true}));"
                        + " el.dispatchEvent(new Event('change', {bubbles: true}));",
                css,
                value);
    }

    private String text(String css) {
        return (String)
                browser.js("const el = document.querySelector(arguments[0]); return el ? el.textContent : null;", css);
    }

    private void until(String what, String script, Object... args) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .withMessage(what)
                .until(d -> Boolean.TRUE.equals(browser.js(script, args)));
    }

    private void awaitText(String css, String wanted) {
        until(
                css + " shows " + wanted,
                "const el = document.querySelector(arguments[0]);"
                        + " return !!el && el.offsetParent !== null && el.textContent.includes(arguments[1]);",
                css,
                wanted);
    }

    /** The page as it is at both sizes; at 800 px it must not be wider than the window. */
    private void screenshots(String name) {
        browser.fullPageScreenshot("officer-" + name + "-1440x900");
        browser.resize(800, 900);
        until("the window is 800 px wide", "return window.innerWidth <= 800;");
        assertThat((List<Object>) browser.js(WIDER_THAN_THE_WINDOW))
                .as("elements wider than the window in %s at 800 px", name)
                .isEmpty();
        browser.fullPageScreenshot("officer-" + name + "-800x900");
        browser.resize(1440, 900);
        until("the window is 1440 px wide", "return window.innerWidth > 1000;");
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return send(b, officer);
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        b.header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void anOfficer_registersASiteAndALicence_movesAChip_recordsCustody_andFindsItInTheAuditTrail() throws Exception {
        signIn(officer);

        // a new site, first with a latitude out of range: the problem stands next to its field
        open("#/registry/sites", "registry");
        openForm("button.new-site", "new-site");
        set("#new-site-id", "sg-2");
        set("#new-site-name", "Singapore 2");
        set("#new-site-operator_id", "harbour");
        set("#new-site-country", "SG");
        set("#new-site-latitude_deg", "123");
        set("#new-site-longitude_deg", "103.85");
        set("#new-site-zone_radius_km", "25");
        click("#new-site button[type=submit]");
        awaitText("#new-site-latitude_deg-error", "[-90, 90]");
        assertThat(browser.js("return document.querySelector('#new-site-latitude_deg').getAttribute('aria-invalid')"))
                .isEqualTo("true");
        assertThat(text("#new-site .form-message")).contains("1 field(s) need attention");
        assertThat(text("#new-site-operator_id")).contains(MARKUP);
        screenshots("01-site-form-error");
        openForm("button.new-site", "new-site");
        set("#new-site-id", "sg-2");
        set("#new-site-name", "Singapore 2");
        set("#new-site-operator_id", "harbour");
        set("#new-site-country", "SG");
        set("#new-site-latitude_deg", "1.29");
        set("#new-site-longitude_deg", "103.85");
        set("#new-site-zone_radius_km", "25");
        click("#new-site button[type=submit]");
        browser.awaitPresent(By.cssSelector(".view-registry[data-ready='true'] .record-facts"));
        until("the site's page", "return location.hash === '#/registry/sites/sg-2'");
        assertThat(text(".record-facts")).contains("Singapore 2", "harbour", "25");

        // a licence for the new site
        open("#/registry/licences", "registry");
        openForm("button.new-licence", "new-licence");
        set("#new-licence-id", "LIC-9");
        set("#new-licence-exporter_id", "nvx");
        set("#new-licence-end_user_id", "harbour");
        set("#new-licence-site_id", "sg-2");
        set("#new-licence-chip_count", "4");
        set("#new-licence-valid_from", "2026-01-01");
        set("#new-licence-valid_until", "2027-12-31");
        set("#new-licence-conditions", "No re-export");
        click("#new-licence button[type=submit]");
        until("the licence's page", "return location.hash === '#/registry/licences/LIC-9'");
        browser.awaitPresent(By.cssSelector(".view-registry[data-ready='true'] .record-facts"));
        assertThat(text(".record-facts")).contains("LIC-9", "sg-2", "2027-12-31", "No re-export");
        assertThat(text(".record-history")).contains("registered licence", "officer-ana");

        // the chip moves to the new licence: first without its site, which the licence names
        open("#/chips/GPU-1", "chip");
        openForm("button.edit-chip", "edit-chip");
        set("#edit-chip-licence_id", "LIC-9");
        click("#edit-chip button[type=submit]");
        awaitText("#edit-chip-declared_site_id-error", "Declared site must be the licence's site sg-2");
        screenshots("02-chip-edit-error");
        openForm("button.edit-chip", "edit-chip");
        set("#edit-chip-licence_id", "LIC-9");
        set("#edit-chip-declared_site_id", "sg-2");
        click("#edit-chip button[type=submit]");
        until(
                "the chip page shows the new licence",
                "const v = document.querySelector('.view-chip[data-ready=\"true\"] .chip-facts');"
                        + " return !!v && v.textContent.includes('LIC-9') && !document.querySelector('#edit-chip');");

        // someone else changes the chip while the form is open: the save is refused as stale
        openForm("button.edit-chip", "edit-chip");
        set("#edit-chip-model", "H100 SXM");
        HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/chips/GPU-1")));
        String etag = read.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> other = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/chips/GPU-1"))
                .header("Content-Type", "application/json")
                .header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"model\":\"H200\"}")));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        HttpResponse<String> stale = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/chips/GPU-1"))
                .header("Content-Type", "application/json")
                .header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"model\":\"B200\"}")));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("CONFLICT");
        click("#edit-chip button[type=submit]");
        awaitText("#edit-chip .form-message.stale", "changed by someone else");
        browser.fullPageScreenshot("officer-03-stale-edit-1440x900");
        click("#edit-chip button.reload-record");
        until(
                "the form shows the current model",
                "const m = document.querySelector('#edit-chip-model'); return !!m && m.value === 'H200';");

        // a custody event from the chip page appears in its history
        open("#/chips/GPU-1", "chip");
        openForm("button.record-custody", "custody-form");
        set("#custody-kind", "SHIPPED");
        set("#custody-note", "to Singapore 2 by air freight");
        click("#custody-form button[type=submit]");
        until(
                "the custody history shows the event",
                "const t = document.querySelector('.view-chip[data-ready=\"true\"] .chip-custody');"
                        + " return !!t && t.textContent.includes('SHIPPED')"
                        + " && t.textContent.includes('to Singapore 2 by air freight');");
        assertThat(text(".chip-custody")).contains("officer-ana");
        screenshots("04-chip-custody");

        // the audit trail: verified chain, the officer's actions in words, subjects linked
        open("#/audit", "audit");
        assertThat(browser.js("return document.getElementById('chain-state').dataset.intact"))
                .isEqualTo("true");
        assertThat(text("#chain-state")).contains("verified", "Head hash");
        List<Object> actions =
                (List<Object>) browser.js("return [...document.querySelectorAll('.audit-entries tbody tr')]"
                        + ".filter((tr) => tr.textContent.includes('officer-ana')).map((tr) => tr.dataset.action)");
        assertThat(actions)
                .containsSubsequence(
                        (Object) "chip.custody", "chips.updated", "chips.updated", "licences.created", "sites.created");
        assertThat((String) browser.js(
                        "return [...document.querySelectorAll(\".audit-entries tbody tr[data-action='chips.updated']\")]"
                                + ".map((tr) => tr.textContent).find((t) => t.includes('LIC-9'))"))
                .contains("edited chip", "licence id", "“LIC-1” → “LIC-9”", "declared site id", "“sg-1” → “sg-2”");
        screenshots("05-audit");

        // filtered to the officer's custody events: one row, linked to the chip's page
        set("#audit-actor", "officer-ana");
        set("#audit-action", "chip.custody");
        click(".audit-filters button[type=submit]");
        until(
                "the filtered list",
                "return location.hash.includes('actor=officer-ana')"
                        + " && document.querySelector('.view-audit[data-ready=\"true\"]') !== null"
                        + " && document.querySelectorAll('.audit-entries tbody tr').length === 1;");
        assertThat(browser.js(
                        "return document.querySelector('.audit-entries tbody tr a.subject').getAttribute('href')"))
                .isEqualTo("#/chips/GPU-1");
        assertThat(text(".audit-entries tbody tr")).contains("recorded custody of chip", "SHIPPED");
        assertThat(browser.js("return window.__pwned === undefined && document.getElementById('pwn-org') === null"))
                .isEqualTo(true);
        assertThat((List<Object>) browser.js("return window.__locusProblems")).isEmpty();
    }

    @Test
    @Order(2)
    void anAuditor_seesNoEditButtons_butTheAuditTrail_andMarkupIsText() throws Exception {
        signIn(auditor);
        open("#/registry/organisations", "registry");
        assertThat(text(".view-registry table")).contains(MARKUP);
        open("#/registry/sites/sg-1", "registry");
        open("#/chips/GPU-1", "chip");
        assertThat(((Number)
                                browser.js(
                                        "return document.querySelectorAll('.edit-record, .new-record, .record-custody').length"))
                        .intValue())
                .isZero();
        open("#/registry/sites", "registry");
        assertThat(((Number)
                                browser.js(
                                        "return document.querySelectorAll('.edit-record, .new-record, .record-custody').length"))
                        .intValue())
                .isZero();
        open("#/registry/organisations/harbour", "registry");
        assertThat(text(".view-registry h1")).contains("harbour");
        assertThat(text(".record-facts")).contains(MARKUP);
        assertThat(((Number) browser.js("return document.querySelectorAll('.edit-record').length")).intValue())
                .isZero();
        screenshots("06-auditor-organisation");
        open("#/audit", "audit");
        assertThat(browser.js("return document.getElementById('chain-state').dataset.intact"))
                .isEqualTo("true");
        assertThat(browser.js("return window.__pwned === undefined && document.getElementById('pwn-org') === null"))
                .isEqualTo(true);
        assertThat((List<Object>) browser.js("return window.__locusProblems")).isEmpty();

        // the server refuses what the page does not offer, and names a bad filter
        HttpResponse<String> refused = send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/sites/sg-1"))
                        .header("Content-Type", "application/json")
                        .header("If-Match", "\"x\"")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")),
                auditor);
        assertThat(refused.statusCode()).isEqualTo(403);
        Http.Response badFrom = http.get("/api/v1/audit?from=yesterday", auditor);
        assertThat(badFrom.status()).isEqualTo(422);
        assertThat(badFrom.text()).contains("from", "ISO-8601");

        // an entry altered behind the server's back: the view says where the chain breaks
        long altered = cp.database().inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("UPDATE audit_log SET details_json = '{\"name\":\"forged\"}' WHERE seq = 3");
            }
            return 3L;
        });
        open("#/audit", "audit");
        assertThat(browser.js("return document.getElementById('chain-state').dataset.brokenAt"))
                .isEqualTo(Long.toString(altered));
        assertThat(text("#chain-state")).contains("broken at entry 3", "cannot be trusted");
        assertThat((List<Object>) browser.js("return [...document.querySelectorAll('.audit-entries tr.untrusted')]"
                        + ".map((tr) => Number(tr.dataset.seq)).sort((a, b) => a - b).slice(0, 2)"))
                .containsExactly(3L, 4L);
        assertThat(
                        browser.js(
                                "return document.querySelector(\".audit-entries tr[data-seq='2']\").classList.contains('untrusted')"))
                .isEqualTo(false);
        browser.fullPageScreenshot("officer-07-audit-chain-broken-1440x900");
    }
}
