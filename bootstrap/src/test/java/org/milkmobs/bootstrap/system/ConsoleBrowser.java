package org.milkmobs.bootstrap.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver (nothing is downloaded at test time), pointed at
 * the console of the running WAR. Every page can be saved as a screenshot (target/console-screenshots), and
 * {@link #browserErrors()} reads the browser's console log, so that any error there fails the test.
 */
public final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final ChromeDriver driver;
    private final MilkMobsServer server;
    private final Path profile;
    private final List<String> errors = new ArrayList<>();

    public ConsoleBrowser(MilkMobsServer server, int width, int height) {
        this.server = server;
        try {
            profile = Files.createTempDirectory("milkmobs-chromium-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("milkmobs.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("milkmobs.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Opens a console route (the part after #) with the given bearer token, as the one-click dev sign-in link does. */
    public void signIn(String token, String route) {
        driver.get(server.uri("/").toString() + "#/signin?token=" + token + "&next=" + route);
    }

    void open(String route) {
        driver.get(server.uri("/").toString() + "#" + route);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Waits until an element matching the selector shows text containing {@code text}; returns it. */
    WebElement awaitText(By selector, String text, Duration timeout) {
        return await(() -> driver.findElements(selector).stream().filter(e -> e.getText().contains(text)).findFirst().orElse(null),
                "an element " + selector + " with text '" + text + "'", timeout);
    }

    public WebElement await(By selector) {
        return await(selector, Duration.ofSeconds(20));
    }

    public WebElement await(By selector, Duration timeout) {
        return await(() -> driver.findElements(selector).stream().findFirst().orElse(null), "an element " + selector, timeout);
    }

    <T> T await(Supplier<T> probe, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                T found = probe.get();
                if (found != null && !Boolean.FALSE.equals(found)) {
                    return found;
                }
            } catch (WebDriverException stale) {
                // the page re-rendered under us; look again
            }
            Uploads.sleep(150);
        }
        shot("timeout");
        throw new AssertionError("waited " + timeout + " for " + what + "; page:\n" + driver.findElement(By.tagName("body")).getText());
    }

    /** Saves the page as target/console-screenshots/{name}.png. */
    Path shot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    /** Every SEVERE entry of the browser's console since the start (errors, uncaught exceptions, failed loads). */
    public List<String> browserErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return List.copyOf(errors);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
