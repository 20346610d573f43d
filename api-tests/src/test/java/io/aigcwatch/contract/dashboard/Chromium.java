package io.aigcwatch.contract.dashboard;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;

/**
 * The machine's own headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run}
 * installs), started with both paths named: Selenium skips Selenium Manager when the service names its driver, so
 * nothing looks for, or downloads, a browser or a driver. {@code -Daigcwatch.chromium} and
 * {@code -Daigcwatch.chromedriver} name others, for a machine that keeps them elsewhere.
 */
public final class Chromium {
    private static final String BINARY = System.getProperty("aigcwatch.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("aigcwatch.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {
    }

    /**
     * A new browser with a profile of its own under {@code parent}: no cache, no storage, nothing from a run before.
     * English (US) formats, so that the tests read the same figures on every machine.
     */
    public static Browser start(Path parent) throws IOException {
        requireExecutable(BINARY, "chromium");
        requireExecutable(DRIVER, "chromium-driver");
        Path profile = Files.createTempDirectory(Files.createDirectories(parent), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (RuntimeException e) {
            Browser.deleteProfile(profile);
            throw e;
        }
    }

    private static void requireExecutable(String path, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: install Debian's " + debianPackage
                    + " (apt-get install -y chromium chromium-driver; .ci/run does it)");
        }
    }
}
