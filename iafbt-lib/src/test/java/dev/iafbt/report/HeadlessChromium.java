package dev.iafbt.report;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The system's Chromium and chromedriver (Debian packages {@code chromium}, {@code chromium-driver}),
 * driven headless. Selenium Manager is never asked to download anything: both executables are
 * given explicitly, from {@code -Diafbt.chromium} / {@code -Diafbt.chromedriver} or the Debian paths.
 */
final class HeadlessChromium {
    static final Path BROWSER = Path.of(System.getProperty("iafbt.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("iafbt.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /** Why the browser tests cannot run here, or null when they can. */
    static String unavailable() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            return "no Chromium here (" + BROWSER + ", " + DRIVER + "); install the Debian packages chromium and"
                    + " chromium-driver, or set -Diafbt.chromium and -Diafbt.chromedriver";
        }
        return null;
    }

    /** A headless Chromium with the console and the network (performance) logs recorded. */
    static ChromeDriver start(int width, int height) {
        return start(width, height, true);
    }

    /** The same, with JavaScript switched off when {@code javascript} is false. */
    static ChromeDriver start(int width, int height, boolean javascript) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--hide-scrollbars", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The console messages of level WARNING or worse the page has logged so far. */
    static List<String> consoleProblems(ChromeDriver browser) {
        List<String> problems = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** The URL of every network request the page has made so far (the page itself included). */
    static List<String> requests(ChromeDriver browser) {
        List<String> requests = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE)) {
            String m = e.getMessage();
            if (m.contains("\"Network.requestWillBeSent\"")) {
                int at = m.indexOf("\"url\":\"");
                requests.add(at < 0 ? m : m.substring(at + 7, m.indexOf('"', at + 7)));
            }
        }
        return requests;
    }
}
