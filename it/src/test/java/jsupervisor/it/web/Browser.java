package jsupervisor.it.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import jsupervisor.it.Await;
import jsupervisor.it.Launchers;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven through Debian's {@code chromedriver}, with a fresh
 * profile in a temp dir and no network but the machine's own addresses. Screenshots are kept as build artifacts
 * in {@code it/target/web-screenshots/}. Closing quits the browser and the driver.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration T = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final ChromeDriverService service;

    private Browser(ChromeDriver driver, ChromeDriverService service) {
        this.driver = driver;
        this.service = service;
    }

    /** A browser with JavaScript on or off, its window {@code width} x {@code height} CSS pixels. */
    static Browser open(Path profile, boolean javascript, int width, int height) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the web UI tests need Debian's chromium and chromium-driver packages"
                    + " (.ci/run installs them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createDirectories(profile),
                "--window-size=" + width + "," + height, "--hide-scrollbars");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(profile.resolveSibling(profile.getFileName() + "-chromedriver.log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(T).scriptTimeout(T);
        driver.manage().window().setSize(new Dimension(width, height));
        return new Browser(driver, service);
    }

    ChromeDriver driver() {
        return driver;
    }

    void get(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The text of the first element matching {@code css}, or "" when there is none right now. */
    String text(String css) {
        List<WebElement> found = findAll(css);
        try {
            return found.isEmpty() ? "" : found.getFirst().getText();
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return ""; // replaced by the page's script between find and read: the next poll reads the new one
        }
    }

    /** Waits until the first element matching {@code css} has text containing {@code expected}. */
    void awaitText(String css, String expected) {
        Await.until("'" + expected + "' in " + css + " (now: '" + text(css) + "')", T,
                () -> text(css).contains(expected));
    }

    /** Resizes the window (CSS pixels). */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a screenshot of the window as {@code it/target/web-screenshots/<name>.png} and returns its path. */
    Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Launchers.root().resolve("it/target/web-screenshots"));
            Path file = dir.resolve(name + ".png");
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(shot, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
