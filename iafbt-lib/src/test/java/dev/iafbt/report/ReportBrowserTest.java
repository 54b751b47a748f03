package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report in a real browser (headless Chromium): it opens without console errors and without a
 * single network request, a column sorts, a tear sheet opens; screenshots go to
 * {@code target/browser/}. Skips with a message when Chromium is not installed.
 */
class ReportBrowserTest {
    static final Path OUT = Path.of("target", "browser").toAbsolutePath();
    static ChromeDriver browser;
    static Path report;

    @BeforeAll
    static void open() throws IOException {
        if (HeadlessChromium.unavailable() != null) {
            return; // each test then skips with the reason (a class-level skip would show no message)
        }
        Files.createDirectories(OUT);
        report = OUT.resolve("report.html");
        HtmlReport.write(HtmlReportTest.SWEEP, report, ReportOptions.defaults().withTopK(5));
        browser = HeadlessChromium.start(1300, 1600);
        browser.get(report.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    @BeforeEach
    void needsChromium() {
        String missing = HeadlessChromium.unavailable();
        assumeTrue(missing == null, () -> "Skipping the browser test: " + missing);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void opensWithoutConsoleErrorsOrNetworkRequests() {
        assertThat(HeadlessChromium.consoleProblems(browser)).as("console errors and warnings").isEmpty();
        // the page itself is the one and only load
        assertThat(HeadlessChromium.requests(browser)).singleElement().asString().startsWith("file:").endsWith("/target/browser/report.html");
        assertThat(browser.findElements(By.cssSelector("#overview svg.chart")).size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aColumnSortsBothWays() throws IOException {
        browser.navigate().to(report.toUri() + "#overview");
        WebElement header = browser.findElement(By.xpath("//table[@id='ranking']/thead/tr/th[normalize-space()='Sharpe']"));
        int column = browser.findElements(By.cssSelector("#ranking thead th")).indexOf(header);
        header.click();
        List<Double> down = columnValues(column);
        assertThat(down).hasSize(24).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(header.getAttribute("class")).contains("desc");
        header.click();
        assertThat(columnValues(column)).isSorted();
        save("overview.png");
    }

    @Test
    void aTearSheetOpensFromTheRanking() throws IOException {
        browser.navigate().to(report.toUri() + "#overview");
        WebElement first = browser.findElement(By.cssSelector("#ranking tbody a[href^='#s']"));
        String target = first.getAttribute("href").replaceAll(".*#", "");
        first.click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.findElement(By.id(target)).isDisplayed());
        assertThat(browser.findElement(By.id("overview")).isDisplayed()).isFalse();
        WebElement sheet = browser.findElement(By.id(target));
        assertThat(sheet.findElement(By.tagName("h2")).getText()).contains(first.getText());
        assertThat(sheet.findElements(By.cssSelector("svg.chart")).size()).isGreaterThanOrEqualTo(3);
        save("tear-sheet.png");
    }

    @Test
    void withoutJavaScriptEveryPageIsShownAndTheChartsAreThere() throws IOException {
        ChromeDriver plain = HeadlessChromium.start(1300, 1600, false);
        try {
            plain.get(report.toUri().toString());
            assertThat(plain.findElement(By.tagName("body")).getAttribute("data-ready")).as("script did not run").isNull();
            List<WebElement> pages = plain.findElements(By.cssSelector("section.page"));
            assertThat(pages).hasSize(1 + 5 + 1);
            assertThat(pages).allSatisfy(p -> assertThat(p.isDisplayed()).isTrue());
            assertThat(plain.findElements(By.cssSelector("#ranking tbody tr"))).hasSize(24);
            assertThat(plain.findElements(By.cssSelector("svg.chart")).size()).isGreaterThanOrEqualTo(2 + 5 * 3);
        } finally {
            plain.quit();
        }
    }

    private static List<Double> columnValues(int column) {
        List<Double> out = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("#ranking tbody tr"))) {
            out.add(Double.parseDouble(row.findElements(By.tagName("td")).get(column).getAttribute("data-v")));
        }
        return out;
    }

    private static void save(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, OUT.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(OUT.resolve(name))).isGreaterThan(10_000);
    }
}
