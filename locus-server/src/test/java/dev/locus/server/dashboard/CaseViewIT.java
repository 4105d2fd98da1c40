package dev.locus.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.ControlPlane;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The red-flag views in a real browser: a buyer's commercial record entered through the API raises
 * findings, a case opens by itself, and an officer reads the findings list and the case (risk
 * explained, findings with sources and evidence, notes) at 1440×900 and 800×900.
 */
class CaseViewIT {
    @Test
    void findingsAndCase_areShownWithTheirSourcesAndRisk() throws Exception {
        try (LiveServer server = LionGateRecord.serve("locus-case-view-it");
                Browser browser = new Browser(1440, 900)) {
            ControlPlane cp = server.cp();
            String base = server.base();
            Http http = server.http();
            String admin = server.admin();
            cp.compliance().redFlags().awaitIdle();
            JsonNode cases =
                    http.get("/api/v1/cases?subject_id=lion-gate", admin).json().path("items");
            assertThat(cases).hasSize(1);
            long caseId = cases.get(0).path("id").asLong();
            http.ok(
                    "/api/v1/cases/" + caseId + "/notes",
                    admin,
                    Map.of("text", "asked the exporter for the end-user statement"));

            browser.submitToken(base, admin);
            browser.await(By.cssSelector(".view-map"));
            browser.js("location.hash = arguments[0]", "#/findings");
            browser.await(By.cssSelector(".view-findings[data-ready='true']"));
            String list =
                    browser.driver.findElement(By.cssSelector(".view-findings")).getText();
            assertThat(list).contains("SHIP_TO_FORWARDER_OR_RESIDENCE").contains("Supplement No. 3");
            assertThat(list).contains("Case " + caseId);
            browser.screenshot("red-flags-findings-1440x900");

            browser.driver.findElement(By.cssSelector("a.case-link")).click();
            browser.await(By.cssSelector(".view-case[data-ready='true']"));
            String page =
                    browser.driver.findElement(By.cssSelector(".view-case")).getText();
            assertThat(page)
                    .contains("Case " + caseId)
                    .contains("Party lion-gate")
                    .contains("Risk ")
                    .contains("BIS, May 13 2025")
                    .contains("asked the exporter for the end-user statement");
            assertThat(browser.driver.findElement(By.id("case-status")).getText())
                    .isEqualTo("OPEN");
            browser.fullPageScreenshot("red-flags-case-1440x900");
            browser.resizeAndReload(800, 900, ".view-case[data-ready='true']");
            Object overflow = browser.js("return document.documentElement.scrollWidth > window.innerWidth + 1");
            browser.fullPageScreenshot("red-flags-case-800x900");
            assertThat(overflow)
                    .as("the case view fits 800 px without sideways scrolling")
                    .isEqualTo(false);
        }
    }
}
