package io.aigcwatch.contract.dashboard;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One headless Chromium and its throw-away profile; {@link #close} quits it and deletes the profile. */
public final class Browser implements AutoCloseable {
    /** Where the dashboard keeps the key for the tab (the DOM contract). */
    public static final String KEY_ITEM = "aigcwatch.apiKey";

    private final ChromeDriver driver;
    private final Path profile;
    private String keyScript;

    Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Puts the key where the dashboard keeps it before any page script runs, in every document from now on, as if
     * the user had typed it into the key dialog once for this tab. Never in a URL.
     */
    public void presetKey(String key) {
        forgetKey();
        String source = "try { sessionStorage.setItem('" + KEY_ITEM + "', " + jsString(key) + "); } catch (e) {}";
        Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", source));
        keyScript = (String) added.get("identifier");
    }

    /** Stops presetting the key and clears the tab's storage: the next page must ask for one. */
    public void forgetKey() {
        if (keyScript != null) {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", keyScript));
            keyScript = null;
        }
        if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith("http")) {
            driver.executeScript("sessionStorage.clear()");
        }
    }

    /** A screenshot, the browser's console and the page's HTML, named {@code name.*} under {@code dir}. */
    public void saveEvidence(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        String console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::toString).collect(Collectors.joining("\n"));
        Files.writeString(dir.resolve(name + ".console.log"), "URL: " + driver.getCurrentUrl() + "\n" + console);
        Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile(profile);
        }
    }

    static void deleteProfile(Path profile) {
        if (!Files.exists(profile)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsString(String value) {
        StringBuilder quoted = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            quoted.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? String.valueOf(c)
                    : String.format("\\u%04x", (int) c));
        }
        return quoted.append('\'').toString();
    }
}
