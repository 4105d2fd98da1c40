package dev.locus.server.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven through chromium-driver, with nothing downloaded: the browser
 * and driver paths are given, so Selenium Manager never runs. Missing binaries fail the test with
 * the command that installs them.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM =
            Path.of(Optional.ofNullable(System.getenv("LOCUS_CHROMIUM")).orElse("/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(Optional.ofNullable(System.getenv("LOCUS_CHROMEDRIVER")).orElse("/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;

    Browser(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("the dashboard's browser tests need Debian's chromium and chromium-driver at "
                    + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install -y chromium chromium-driver; .ci/run installs them),"
                    + " or LOCUS_CHROMIUM and LOCUS_CHROMEDRIVER naming other paths");
        }
        try {
            this.profile = Files.createTempDirectory("locus-chromium-profile");
            this.downloads = Files.createTempDirectory("locus-downloads");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--no-first-run",
                "--no-default-browser-check",
                "--force-device-scale-factor=1",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false,
                        "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /** Opens the dashboard at {@code base} and submits {@code token} in its sign-in form. */
    void submitToken(String base, String token) {
        driver.get(base + "/");
        await(By.id("token")).sendKeys(token);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    }

    /** Signs in at {@code base} with {@code token} and waits until the fleet map is drawn. */
    void signIn(String base, String token) {
        submitToken(base, token);
        await(By.cssSelector(".view-map[data-ready='true']"));
    }

    /**
     * An extension (for {@code @RegisterExtension}) that saves a screenshot named
     * FAILED-{prefix}{test method} when a test fails, if the browser has started.
     */
    static TestWatcher screenshotOnFailure(String prefix, Supplier<Browser> browser) {
        return new TestWatcher() {
            @Override
            public void testFailed(ExtensionContext context, Throwable cause) {
                Browser b = browser.get();
                if (b != null) {
                    b.screenshot(
                            "FAILED-" + prefix + context.getRequiredTestMethod().getName());
                }
            }
        };
    }

    /** Closes each of {@code started} in order, skipping those never started (null). */
    static void closeAll(AutoCloseable... started) throws Exception {
        for (AutoCloseable c : started) {
            if (c != null) {
                c.close();
            }
        }
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Resizes the window and reloads the page, waiting until {@code readySelector} shows again. */
    void resizeAndReload(int width, int height, String readySelector) {
        resize(width, height);
        driver.navigate().refresh();
        await(By.cssSelector(readySelector));
    }

    WebElement await(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement awaitPresent(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncJs(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Saves a PNG of the viewport under target/screenshots. */
    Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Saves a PNG of the whole page, below the fold included (Chrome DevTools screenshot). */
    Path fullPageScreenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        // the content size leaves out an overlay scrollbar's width; the window's width is what a person sees
        double width = Math.max(
                ((Number) size.get("width")).doubleValue(), ((Number) js("return window.innerWidth")).doubleValue());
        double height = Math.min(6000, ((Number) size.get("height")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
