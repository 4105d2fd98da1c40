package dev.locus.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
        try (LiveServer server = LionGateRecord.serve("locus-record-views-it");
                Browser browser = new Browser(1440, 900)) {
            LionGateRecord.allocateAndDeclareCapacity(server.http(), server.admin());
            server.cp().compliance().redFlags().awaitIdle();
            Http http = server.http();
            String admin = server.admin();
            JsonNode demand =
                    http.get("/api/v1/site-capacity/lion-gate-dc/demand", admin).json();
            assertThat(demand.path("ordered").path("chips").asLong()).isEqualTo(2000);
            assertThat(demand.path("ordered").path("power_needed_mw").asDouble())
                    .isEqualTo(2.5);
            assertThat(demand.path("chips_the_site_can_power").asLong()).isEqualTo(200);
            assertThat(http.get("/api/v1/site-capacity/nowhere/demand", admin).status())
                    .isEqualTo(404);

            browser.submitToken(server.base(), admin);
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
            browser.resizeAndReload(800, 900, ".view-party[data-ready='true']");
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
            browser.resizeAndReload(800, 900, ".view-site-capacity[data-ready='true']");
            browser.fullPageScreenshot("site-capacity-800x900");
            assertThat(browser.js("return document.documentElement.scrollWidth > window.innerWidth + 1"))
                    .as("the site's capacity fits 800 px without sideways scrolling")
                    .isEqualTo(false);
        }
    }
}
