package dev.locus.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.Fixtures;
import dev.locus.server.alerts.Alert;
import dev.locus.server.registry.RegistryService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The alert queue in headless Chromium with many alerts at two sites: the search and the site
 * filter narrow it, the groups show where alerts come from, and the open alerts of one site are
 * acknowledged together with one reason. Screenshots at 1440×900 and 800×900 go to
 * target/screenshots.
 */
class AlertQueueBrowserIT extends LiveBrowserTest {
    private static final int SG_CHIPS = 6;
    private static final int KL_CHIPS = 4;

    AlertQueueBrowserIT() {
        super("alert-queue-");
    }

    @BeforeAll
    void start() throws Exception {
        startServer(
                "locus-alert-queue-it",
                c -> c.toBuilder().ruleInterval(Duration.ofHours(1)).build());
        RegistryService r = server.cp().registry();
        Fixtures.populate(r, Fixtures.ed25519());
        Fixtures.populateKualaLumpur(r);
        for (int i = 1; i <= SG_CHIPS; i++) {
            String serial = "SG-H100-%04d".formatted(i);
            r.createChip(
                    Map.of("serial", serial, "model", "H100", "licence_id", "LIC-1", "declared_site_id", "sg-1"), "t");
            raise(Alert.Rule.SILENT, Alert.Severity.WARNING, serial, "chip " + serial + " has not attested for 7 h");
        }
        for (int i = 1; i <= KL_CHIPS; i++) {
            String serial = "KL-H100-%04d".formatted(i);
            r.createChip(
                    Map.of("serial", serial, "model", "H100", "licence_id", "LIC-2", "declared_site_id", "kl-1"), "t");
            raise(Alert.Rule.SILENT, Alert.Severity.WARNING, serial, "chip " + serial + " has not attested for 7 h");
        }
        raise(
                Alert.Rule.OUTSIDE_ZONE,
                Alert.Severity.CRITICAL,
                "KL-H100-0001",
                "chip KL-H100-0001 was proven outside its licensed zone");
        browser = new Browser(1440, 900);
        browser.signIn(server.base(), admin);
    }

    private void raise(Alert.Rule rule, Alert.Severity severity, String serial, String summary) {
        server.cp()
                .alerts()
                .raise(rule, severity, Alert.SubjectType.CHIP, serial, summary, Map.of())
                .orElseThrow();
    }

    private List<String> subjects() {
        return browser.driver.findElements(By.cssSelector("#alert-table tbody a.chip-link")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void awaitRows(int n) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d ->
                        d.findElements(By.cssSelector("#alert-table tbody tr")).size() == n);
    }

    @Test
    void filtersAndSearch_narrowTheQueue_andTheOpenAlertsOfASiteAreAcknowledgedTogether() {
        browser.js("location.hash = '#/alerts'");
        browser.await(By.cssSelector("#alert-table"));
        awaitRows(SG_CHIPS + KL_CHIPS + 1);
        assertThat(browser.driver.findElement(By.id("alert-groups")).getText())
                .as("groups by site, the critical one first")
                .startsWith("By site")
                .contains("kl-1 · 5 (1 critical)", "sg-1 · 6");
        browser.screenshot("alert-queue-1440x900");

        WebElement search = browser.driver.findElement(By.cssSelector("#alert-filters input[name=q]"));
        search.sendKeys("kl-h100-000", Keys.ENTER);
        awaitRows(KL_CHIPS + 1);
        assertThat(subjects()).allMatch(s -> s.contains("KL-H100-"));
        search.clear();
        search.sendKeys(Keys.ENTER);
        awaitRows(SG_CHIPS + KL_CHIPS + 1);

        WebElement site = browser.driver.findElement(By.cssSelector("#alert-filters input[name=site]"));
        site.sendKeys("sg-1", Keys.ENTER);
        awaitRows(SG_CHIPS);
        new Select(browser.driver.findElement(By.cssSelector("#alert-filters select[name=severity]")))
                .selectByValue("WARNING");
        awaitRows(SG_CHIPS);
        assertThat(subjects()).allMatch(s -> s.contains("SG-H100-"));

        browser.driver.findElement(By.id("select-all")).click();
        WebElement bulk = browser.driver.findElement(By.id("bulk-acknowledge"));
        assertThat(bulk.getText()).isEqualTo("Acknowledge selected (" + SG_CHIPS + ")…");
        bulk.click();
        browser.await(By.id("bulk-reason")).sendKeys("Singapore site power maintenance, confirmed with the operator");
        browser.screenshot("alert-queue-bulk-acknowledge-1440x900");
        browser.driver.findElement(By.id("bulk-confirm")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id("live")).getText().equals(SG_CHIPS + " alerts acknowledged."));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("#alert-table tbody input.select-alert"))
                        .isEmpty());
        assertThat(server.cp()
                        .alerts()
                        .page(java.util.Optional.of(Alert.Status.ACKNOWLEDGED), java.util.Optional.empty(), 0, 100)
                        .items())
                .hasSize(SG_CHIPS)
                .allSatisfy(a -> assertThat(a.acknowledgeNote())
                        .hasValue("Singapore site power maintenance," + " confirmed with the operator"));
        assertThat(server.cp()
                        .alerts()
                        .page(java.util.Optional.of(Alert.Status.OPEN), java.util.Optional.empty(), 0, 100)
                        .items())
                .hasSize(KL_CHIPS + 1);

        browser.resize(800, 900);
        browser.js("location.hash = '#/map'");
        browser.await(By.cssSelector(".view-map[data-ready='true']"));
        browser.js("location.hash = '#/alerts'");
        awaitRows(SG_CHIPS + KL_CHIPS + 1); // unresolved: acknowledged or open
        assertThat(browser.driver
                        .findElement(By.cssSelector("#alert-filters input[name=site]"))
                        .isDisplayed())
                .as("the rarer filters fold away at 800 px")
                .isFalse();
        browser.driver
                .findElement(By.cssSelector("#alert-filters .more-toggle"))
                .click();
        assertThat(browser.driver
                        .findElement(By.cssSelector("#alert-filters input[name=site]"))
                        .isDisplayed())
                .isTrue();
        browser.driver
                .findElement(By.cssSelector("#alert-filters .more-toggle"))
                .click();
        browser.screenshot("alert-queue-800x900");
        Object overflow = browser.js("return document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).as("no sideways scrolling of the page at 800 px").isEqualTo(false);
        browser.resize(1440, 900);
    }
}
