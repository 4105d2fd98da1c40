package dev.locus.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.api.InventoryIT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The inventory export buttons in headless Chromium: the fleet view's "Export inventory (CSV)"
 * downloads every chip with its end user, and the licence row's button only that licence's chips.
 */
class InventoryExportIT {
    private static List<String> download(Browser browser, By button, String file) throws Exception {
        browser.await(button).click();
        Path path = browser.downloads.resolve(file);
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> Files.isRegularFile(path));
        return Files.readAllLines(path, StandardCharsets.UTF_8);
    }

    @Test
    void theFleetView_exportsTheInventory_forTheFleetAndForOneLicence() throws Exception {
        try (LiveServer server = LiveServer.start("locus-inventory-export-it", c -> c);
                Browser browser = new Browser(1440, 900)) {
            InventoryIT.register((kind, json) -> {
                server.http().okText("/api/v1/imports/" + kind, server.admin(), "application/json", json);
                return 201;
            });
            exportBothWays(browser, server.base(), server.admin());
        }
    }

    private static void exportBothWays(Browser browser, String base, String admin) throws Exception {
        browser.submitToken(base, admin);
        browser.await(By.id("nav"));
        browser.js("location.hash = '#/fleet'");
        browser.await(By.cssSelector("#inventory-export button.inventory-export[data-format='csv']"));
        browser.screenshot("inventory-01-fleet-1440x900");

        List<String> fleet =
                download(browser, By.cssSelector("#inventory-export button[data-format='csv']"), "locus-inventory.csv");
        assertThat(fleet.get(0)).startsWith("serial,model,organisation,licence,");
        assertThat(fleet).hasSize(5);
        assertThat(fleet.get(1)).startsWith("A-1,H100,SG Cloud,LIC-1,").contains("\"Acme, \"\"Quoted\"\" Compute\"");
        assertThat((String)
                        browser.js("return document.querySelector('#inventory-export .inventory-status').textContent"))
                .contains("downloaded locus-inventory.csv");

        List<String> lic = download(
                browser,
                By.cssSelector("table[data-grouping='licences'] button.inventory-export[data-licence='LIC-1']"),
                "locus-inventory-LIC-1.csv");
        assertThat(lic).hasSize(3);
        assertThat(lic.subList(1, 3)).allMatch(l -> l.contains(",LIC-1,"));
    }
}
