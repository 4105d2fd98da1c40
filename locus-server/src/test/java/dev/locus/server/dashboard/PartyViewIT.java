package dev.locus.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The dashboard's party view in headless Chromium: a Singapore buyer 60 % owned through two holding
 * companies by a firm on the SDN list; its page draws the ownership graph with the path from the
 * listed owner highlighted, shows the hits with their explanations, and a person confirms one hit
 * and dismisses another through the decision dialog. Names carrying markup are shown as text.
 */
@SuppressWarnings("unchecked")
class PartyViewIT extends LiveBrowserTest {
    private static final String MARKUP = "<img id=\"pwn-owner\" src=x onerror=\"window.__pwned=1\">Tan";

    PartyViewIT() {
        super("party-");
    }

    @BeforeAll
    void start() throws Exception {
        startServer("locus-party-view-it", c -> c);
        party("cn-listed", "COMPANY", List.of("Wuhan Sanjiang Import and Export Co., Ltd.", "武汉三江进出口有限公司"), "CN", "");
        party("hk-hold", "COMPANY", List.of("Harbour Crest Holdings Limited"), "HK", "2021-05-04");
        party("vg-hold", "COMPANY", List.of("Bright Isle Ventures Ltd."), "VG", "2023-11-20");
        party("sg-person", "PERSON", List.of(MARKUP), "SG", "");
        party("sg-buyer", "CONSIGNEE", List.of("Lion Gate Compute Pte. Ltd."), "SG", "2024-02-14");
        link("hk-hold", "cn-listed", 100);
        link("vg-hold", "hk-hold", 100);
        link("sg-buyer", "vg-hold", 60);
        link("sg-buyer", "sg-person", 40);
        browser = new Browser(1440, 900);
        browser.driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument", Map.of("source", DashboardInjectionIT.PROBLEM_RECORDER));
    }

    private void party(String id, String kind, List<String> names, String country, String since) {
        Map<String, Object> p =
                new HashMap<>(Map.of("id", id, "kind", kind, "names", names, "country_of_incorporation", country));
        if (!since.isEmpty()) {
            p.put("incorporated_on", since);
        }
        http.ok("/api/v1/parties", admin, p);
    }

    private void link(String owned, String owner, double percent) {
        http.ok("/api/v1/parties/" + owned + "/owners", admin, Map.of("owner_id", owner, "percent", percent));
    }

    private Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    private void openParty(String id) {
        js("location.hash = arguments[0]", "#/parties/" + id);
        browser.await(By.cssSelector(".view-party[data-ready='true']"));
    }

    private void decide(String hitSelector, String button, String reason) {
        browser.driver
                .findElement(By.cssSelector(hitSelector + " button." + button))
                .click();
        browser.await(By.id("decision-reason")).sendKeys(reason);
        browser.driver
                .findElement(By.cssSelector("dialog.decision button[type=submit]"))
                .click();
        browser.awaitPresent(By.cssSelector(".view-party[data-ready='true'] " + hitSelector));
    }

    @Test
    void thePartyPage_drawsTheOwnershipGraph_andAPersonDecidesHits() {
        browser.submitToken(server.base(), admin);
        browser.await(By.id("nav"));
        js("location.hash = '#/parties'");
        browser.await(By.cssSelector(".view-parties[data-ready='true']"));
        assertThat((String) js("return document.querySelector('.view-parties').textContent"))
                .contains("Lion Gate Compute Pte. Ltd.", MARKUP);

        openParty("sg-buyer");
        assertThat(((Number) js("return document.querySelectorAll('.ownership-graph .node').length")).intValue())
                .isEqualTo(5);
        assertThat((List<Object>) js("return [...document.querySelectorAll('.ownership-graph .edge.listed-path')]"
                        + ".map((e) => e.dataset.owner + '>' + e.dataset.owned)"))
                .containsExactlyInAnyOrder((Object) "cn-listed>hk-hold", "hk-hold>vg-hold", "vg-hold>sg-buyer");
        assertThat((String) js("return document.querySelector('.ownership-graph .node.listed').dataset.party"))
                .isEqualTo("cn-listed");
        assertThat((String) js("return document.querySelector('.ownership-graph').textContent"))
                .contains("60 %", "40 %", MARKUP.substring(0, 20));
        // the OFAC rule's hit is the open one (the buyer's unknown-ownership hit went once 100 % was disclosed)
        String ofac = "article.hit[data-kind='OWNERSHIP'][data-status='OPEN']";
        assertThat((String) js("return document.querySelector(arguments[0]).textContent", ofac))
                .contains("Wuhan Sanjiang Import and Export Co., Ltd.", "60.00 %");
        browser.fullPageScreenshot("party-01-buyer-1440x900");
        browser.resize(800, 900);
        openParty("sg-buyer");
        browser.fullPageScreenshot("party-02-buyer-800x900");
        browser.resize(1440, 900);
        openParty("sg-buyer");

        String first = "article.hit[data-kind='OWNERSHIP'][data-hit='"
                + js("return document.querySelector(arguments[0]).dataset.hit", ofac) + "']";
        decide(first, "confirm-hit", "Ownership checked against the Hong Kong and BVI registers");
        browser.awaitPresent(By.cssSelector(first + "[data-status='CONFIRMED']"));
        assertThat((String) js("return document.querySelector(arguments[0]).textContent", first))
                .contains("Ownership checked against the Hong Kong and BVI registers");

        openParty("cn-listed");
        String listHit = "article.hit[data-kind='LIST_MATCH']";
        assertThat((String) js("return document.querySelector(arguments[0]).textContent", listHit))
                .contains("OFAC-SDN", "23063", "name");
        // the listed firm records no owners: its own wording, not "Owned by a listed party"
        String unknown = "article.hit[data-kind='OWNERSHIP']";
        assertThat((String) js("return document.querySelector(arguments[0] + ' h3').textContent", unknown))
                .contains("Ownership not disclosed: 100 % unknown")
                .doesNotContain("Owned by a listed party");
        assertThat((String) js("return document.querySelector(arguments[0]).textContent", unknown))
                .contains("no owners are recorded", "15 CFR Part 732")
                .doesNotContain("undefined");
        browser.fullPageScreenshot("party-03-listed-firm-1440x900");
        String id = "article.hit[data-kind='LIST_MATCH'][data-hit='"
                + js("return document.querySelector(arguments[0]).dataset.hit", listHit) + "']";
        decide(id, "dismiss-hit", "Registration number differs from the listed USCCC");
        browser.awaitPresent(By.cssSelector(id + "[data-status='DISMISSED']"));
        browser.fullPageScreenshot("party-04-dismissed-1440x900");

        assertThat((List<?>) js("return [...document.querySelectorAll('[id^=\"pwn-\"]')].map((e) => e.outerHTML)"))
                .isEmpty();
        assertThat(js("return window.__pwned || null")).isNull();
        assertThat((List<?>) js("return window.__locusProblems")).isEmpty();
    }
}
