package dev.locus.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.ControlPlane;
import dev.locus.server.ServerConfig;
import dev.locus.server.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A party's commercial record and a site's capacity in a real browser: a buyer's orders, shipment
 * and allocation entered through the API appear on its page with the findings on them, and its
 * declared site shows the power it declared against the power its chips need, with the capacity
 * finding, at 1440×900 and 800×900.
 */
class RecordViewsIT {
    @Test
    void partyRecordAndSiteCapacity_showTheRecordWithItsFindings() throws Exception {
        Path dataDir = Files.createTempDirectory("locus-record-views-it");
        try (ControlPlane cp = ControlPlane.start(
                        ServerConfig.defaults(dataDir)
                                .withPort(0)
                                .withDatabase(TestDatabases.freshConfig("h2"))
                                .withRateLimits(1000, 1000),
                        InstantSource.system());
                Browser browser = new Browser(1440, 900)) {
            String base = "http://127.0.0.1:" + cp.port();
            Http http = new Http(base);
            String admin = Files.readString(dataDir.resolve(ControlPlane.ADMIN_TOKEN_FILE))
                    .strip();
            LionGateRecord.enter(cp, http, admin);
            http.okText(
                    "/api/v1/allocations/import",
                    admin,
                    "application/json",
                    "[{\"id\": \"lg-alloc-1\", \"tenant_id\": \"lion-gate\", \"site_id\": \"lion-gate-dc\","
                            + " \"chip_count\": \"64\", \"valid_from\": \"2025-04-01\", \"valid_until\": \"2025-12-31\","
                            + " \"purpose\": \"TRAINING\", \"user_countries\": \"SG\"}]");
            http.okText(
                    "/api/v1/site-capacity/import",
                    admin,
                    "application/json",
                    "[{\"site_id\": \"lion-gate-dc\", \"operator_id\": \"lion-gate\", \"country\": \"SG\","
                            + " \"power_mw\": \"0.25\", \"racks\": \"10\", \"declared_on\": \"2025-02-01\"}]");
            cp.compliance().redFlags().awaitIdle();
            JsonNode demand =
                    http.get("/api/v1/site-capacity/lion-gate-dc/demand", admin).json();
            assertThat(demand.path("ordered").path("chips").asLong()).isEqualTo(2000);
            assertThat(demand.path("ordered").path("power_needed_mw").asDouble())
                    .isEqualTo(2.5);
            assertThat(demand.path("chips_the_site_can_power").asLong()).isEqualTo(200);
            assertThat(http.get("/api/v1/site-capacity/nowhere/demand", admin).status())
                    .isEqualTo(404);

            browser.driver.get(base + "/");
            browser.await(By.id("token")).sendKeys(admin);
            browser.driver
                    .findElement(By.cssSelector("#login-form button[type=submit]"))
                    .click();
            browser.await(By.cssSelector(".view-map"));
            browser.js("location.hash = arguments[0]", "#/parties/lion-gate");
            browser.await(By.cssSelector(".view-party[data-ready='true']"));
            String record = browser.driver.findElement(By.id("party-record")).getText();
            assertThat(record)
                    .contains("Orders as buyer: 1")
                    .contains("lg-0001")
                    .contains("Orders as seller: 0")
                    .contains("Shipments as consignee: 1")
                    .contains("FORWARDER via swift-fwd")
                    .contains("Allocations as tenant: 1")
                    .contains("lg-alloc-1")
                    .contains("SHIP_TO_FORWARDER_OR_RESIDENCE")
                    .contains("COUNTRY_MISMATCH");
            browser.js("document.getElementById('party-record').scrollIntoView()");
            browser.screenshot("party-record-1440x900");
            browser.resize(800, 900);
            browser.driver.navigate().refresh();
            browser.await(By.cssSelector(".view-party[data-ready='true']"));
            browser.js("document.getElementById('party-record').scrollIntoView()");
            browser.screenshot("party-record-800x900");
            assertThat(browser.js("return document.documentElement.scrollWidth > window.innerWidth + 1"))
                    .as("the party's record fits 800 px without sideways scrolling")
                    .isEqualTo(false);

            browser.resize(1440, 900);
            browser.driver
                    .findElement(By.cssSelector("#party-record a.site-link"))
                    .click();
            browser.await(By.cssSelector(".view-site-capacity[data-ready='true']"));
            String site = browser.driver
                    .findElement(By.cssSelector(".view-site-capacity"))
                    .getText();
            assertThat(site)
                    .contains("Site lion-gate-dc: capacity")
                    .contains("0.25 MW")
                    .contains("2,000, needing 2.5 MW")
                    .contains("about 200 chips")
                    .contains("falls short")
                    .contains("SITE_LACKS_CAPACITY");
            browser.fullPageScreenshot("site-capacity-1440x900");
            browser.resize(800, 900);
            browser.driver.navigate().refresh();
            browser.await(By.cssSelector(".view-site-capacity[data-ready='true']"));
            browser.fullPageScreenshot("site-capacity-800x900");
            assertThat(browser.js("return document.documentElement.scrollWidth > window.innerWidth + 1"))
                    .as("the site's capacity fits 800 px without sideways scrolling")
                    .isEqualTo(false);
        }
    }
}
