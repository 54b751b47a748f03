package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.model.SummaryField;
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
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
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

    /**
     * The ranking sorts by each value's place in its column: exactly by value (values closer than
     * any shown digit, ±inf), ties in the order they had, -0.0 tied with 0.0, and a missing value
     * (none, NaN) last in either direction.
     */
    @Test
    void theRankingSortsByExactValuesWithMissingOnesLast(@TempDir Path tmp) {
        ChromeDriver own = openOwn(smallRanking(tmp)); // the shared browser stays on the report, its only load
        try {
            WebElement header = own.findElement(By.xpath("//table[@id='ranking']/thead/tr/th[normalize-space()='Sharpe']"));
            header.click();
            assertThat(bundles(own)).containsExactly("b2.iafbt", "b4.iafbt", "b0.iafbt", "b8.iafbt", "b9.iafbt",
                    "b5.iafbt", "b7.iafbt", "b10.iafbt", "b6.iafbt", "b1.iafbt", "b3.iafbt");
            header.click();
            assertThat(bundles(own)).containsExactly("b6.iafbt", "b10.iafbt", "b5.iafbt", "b7.iafbt", "b9.iafbt",
                    "b0.iafbt", "b8.iafbt", "b4.iafbt", "b2.iafbt", "b1.iafbt", "b3.iafbt");
            assertThat(HeadlessChromium.consoleProblems(own)).as("console errors and warnings").isEmpty();
        } finally {
            own.quit();
        }
    }

    /** The tag filter reads each row's tag cell; the CSV has the rows that pass it, a field per column. */
    @Test
    void theTagFilterAndTheCsvExportTakeTheMatchingRows(@TempDir Path tmp) {
        ChromeDriver own = openOwn(smallRanking(tmp));
        try {
            new Select(own.findElement(By.id("tag-filter"))).selectByValue("odd");
            assertThat(own.findElement(By.id("rank-count")).getText()).isEqualTo("5 of 11 match");
            assertThat(own.findElements(By.cssSelector("#ranking tbody tr:not([hidden])"))).hasSize(5);

            // the export clicks a data: link; catch it instead of downloading
            own.executeScript("HTMLAnchorElement.prototype.click = function () { window.exported ="
                    + " decodeURIComponent(this.href.slice(this.href.indexOf(',') + 1)); };");
            own.findElement(By.cssSelector("button.csv[data-table='ranking']")).click();
            String[] lines = ((String) own.executeScript("return window.exported;")).split("\\R");
            assertThat(lines).hasSize(1 + 5);
            assertThat(lines[0]).startsWith("\"#\",\"cagr\",\"Strategy\",\"Bundle\",\"Tag\",\"Parameters\",");
            for (int i = 1; i < lines.length; i++) {
                String[] fields = lines[i].split(",", -1);
                assertThat(fields).as(lines[i]).hasSize(lines[0].split(",", -1).length);
                assertThat(fields[4]).isEqualTo("\"odd\"");
                assertThat(fields[fields.length - 1]).as("no line break in the last cell").matches("\"-?[0-9.]+\"");
            }
            assertThat(lines[1]).startsWith("\"2\",\"0.100\",\"algo-1\",\"b1.iafbt\",\"odd\",\"\",\"10.00%\",");
            assertThat(HeadlessChromium.consoleProblems(own)).as("console errors and warnings").isEmpty();
        } finally {
            own.quit();
        }
    }

    /**
     * Eleven summary-only rows from an index, ordered by CAGR ascending so the table starts in
     * bundle order b0 … b10, tagged odd and even; their Sharpe ratios: b3 has none, b4 is closer to
     * 1.5 than any float or shown digit tells apart.
     */
    private static Path smallRanking(Path tmp) {
        Double[] sharpe = {1.5, Double.NaN, Double.POSITIVE_INFINITY, null, 1.5 + 1e-12, 0.0, Double.NEGATIVE_INFINITY,
            -0.0, 1.5, Double.MIN_VALUE, -0.25};
        List<IndexRow> rows = new ArrayList<>();
        for (int i = 0; i < sharpe.length; i++) {
            IndexRow.Builder row = IndexRow.builder().bundlePath("b" + i + ".iafbt").algorithmId("algo-" + i)
                    .tag(i % 2 == 0 ? "even" : "odd").summary(SummaryField.CAGR, 0.1 * i);
            if (sharpe[i] != null) {
                row.summary(SummaryField.SHARPE_RATIO, sharpe[i]);
            }
            rows.add(row.build());
        }
        Path index = tmp.resolve("index.sqlite");
        try (SqliteIndex opened = SqliteIndex.create(index)) {
            opened.upsertAll(rows);
        }
        Path page = OUT.resolve("small-ranking.html");
        HtmlReport.write(ReportSource.index(index, tmp), page, ReportOptions.defaults().withTopK(0)
                .withOrder(null, "cagr", true));
        return page;
    }

    private static ChromeDriver openOwn(Path page) {
        ChromeDriver own = HeadlessChromium.start(1300, 1600);
        own.get(page.toUri().toString());
        new WebDriverWait(own, Duration.ofSeconds(20))
                .until(d -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        return own;
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

    /** The column's shown numbers (the Sharpe ratios of the sample sweep are all finite). */
    private static List<Double> columnValues(int column) {
        List<Double> out = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("#ranking tbody tr"))) {
            out.add(Double.parseDouble(row.findElements(By.tagName("td")).get(column).getText()));
        }
        return out;
    }

    /** The ranking's bundle column, top to bottom, read in one call. */
    @SuppressWarnings("unchecked")
    private static List<String> bundles(ChromeDriver browser) {
        return (List<String>) browser.executeScript("return Array.prototype.map.call(document.querySelectorAll("
                + "'#ranking tbody tr'), function (r) { return r.cells[3].textContent; });");
    }

    private static void save(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, OUT.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(OUT.resolve(name))).isGreaterThan(10_000);
    }
}
