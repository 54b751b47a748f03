package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iafbt.index.Indexer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report printed (Chromium's own print-to-PDF through DevTools: every page there, no chart
 * wider than the paper) and a 1,200-row ranking built from an index (paged, sortable, no console
 * error, no request but the file). The PDF lands in {@code target/browser/report.pdf}.
 */
class ReportPrintAndPagingBrowserTest {
    /** A4 landscape (the print stylesheet's @page) with 10 mm margins, as CSS pixels: what a printed page has room for. */
    private static final double PAPER_WIDTH_IN = 11.69;
    private static final double MARGIN_IN = 0.3937;
    private static final int PRINTABLE_PX = (int) ((PAPER_WIDTH_IN - 2 * MARGIN_IN) * 96);

    @TempDir
    Path tmp;
    ChromeDriver browser;

    @BeforeEach
    void needsChromium() {
        String missing = HeadlessChromium.unavailable();
        assumeTrue(missing == null, () -> "Skipping the browser test: " + missing);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void printingShowsEveryPageAndClipsNoChart() throws IOException {
        Path report = ReportBrowserTest.OUT.resolve("print.html");
        Files.createDirectories(report.getParent());
        HtmlReport.write(HtmlReportTest.SWEEP, report, ReportOptions.defaults().withTopK(5));
        browser = open(report, PRINTABLE_PX);

        Map<String, Object> pdf = browser.executeCdpCommand("Page.printToPDF", Map.of("paperWidth", PAPER_WIDTH_IN,
                "paperHeight", 8.27, "preferCSSPageSize", true, "marginTop", MARGIN_IN, "marginBottom", MARGIN_IN, "marginLeft", MARGIN_IN,
                "marginRight", MARGIN_IN, "printBackground", true));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        Files.write(ReportBrowserTest.OUT.resolve("report.pdf"), bytes);
        long pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
                .results().count();
        assertThat(pages).as("the comparison, one page or more per tear sheet, the notes").isGreaterThanOrEqualTo(1 + 5 + 1);

        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        // in print media every page section is laid out, however the script had switched them
        Object hiddenPages = browser.executeScript("return Array.prototype.filter.call(document.querySelectorAll("
                + "'section.page'), function (s) { return s.getClientRects().length === 0; }).length;");
        assertThat(((Number) hiddenPages).intValue()).as("page sections hidden in print").isZero();
        assertThat(browser.findElements(By.cssSelector("section.page"))).hasSize(1 + 5 + 1);
        @SuppressWarnings("unchecked")
        List<Object> clipped = (List<Object>) browser.executeScript("var w = document.documentElement.clientWidth;"
                + " return Array.prototype.filter.call(document.querySelectorAll('svg.chart'), function (c) {"
                + " var r = c.getBoundingClientRect(); return r.width < 50 || r.height < 30 || r.right > w + 1; })"
                + ".map(function (c) { return c.getAttribute('aria-label'); });");
        assertThat(clipped).as("charts cut off or collapsed in print").isEmpty();
        Object tableRight = browser.executeScript("return document.getElementById('ranking').getBoundingClientRect().right"
                + " - document.documentElement.clientWidth;");
        assertThat(((Number) tableRight).doubleValue()).as("the ranking table's overhang past the paper, px").isLessThanOrEqualTo(1);
        Object charts = browser.executeScript("return document.querySelectorAll('svg.chart').length;");
        assertThat(((Number) charts).intValue()).isGreaterThanOrEqualTo(2 + 5 * 3);
        rasterise(ReportBrowserTest.OUT.resolve("report.pdf"));
    }

    @Test
    void aThousandRowRankingFromAnIndexIsPagedAndSortable() throws IOException {
        Path bundles = tmp.resolve("sweep");
        Files.createDirectories(bundles);
        List<Path> sweep;
        try (Stream<Path> files = Files.list(HtmlReportTest.SWEEP)) {
            sweep = files.filter(p -> p.toString().endsWith(".iafbt")).sorted().toList();
        }
        for (int copy = 0; copy < 50; copy++) {
            Path dir = Files.createDirectories(bundles.resolve(String.format(Locale.ROOT, "run-%02d", copy)));
            for (Path f : sweep) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path index = tmp.resolve("index.sqlite");
        Indexer.builder(bundles).output(index).build().run();
        Path report = ReportBrowserTest.OUT.resolve("index-1200.html");
        HtmlReport.write(ReportSource.index(index, bundles), report, ReportOptions.defaults().withTopK(3));
        browser = open(report, 1300);

        assertThat(HeadlessChromium.consoleProblems(browser)).as("console errors and warnings").isEmpty();
        assertThat(HeadlessChromium.requests(browser)).as("requests: the file itself and nothing else").singleElement()
                .asString().endsWith("/index-1200.html");

        assertThat(browser.findElements(By.cssSelector("#ranking tbody tr"))).hasSize(1200);
        assertThat(visibleRanks()).hasSize(100).startsWith(1).endsWith(100);
        assertThat(browser.findElement(By.id("rank-page")).getText()).isEqualTo("rows 1–100, page 1 of 12");
        assertThat(browser.findElement(By.id("duplicates")).getText()).startsWith("24 algorithm ids appear in more than one bundle (1200");
        browser.findElement(By.cssSelector("#rank-pager button[data-step='1']")).click();
        assertThat(visibleRanks()).hasSize(100).startsWith(101).endsWith(200);

        // sorting goes back to the first page of the new order, every row still in the table
        browser.findElement(By.xpath("//table[@id='ranking']/thead/tr/th[normalize-space()='#']")).click();
        assertThat(visibleRanks()).hasSize(100).startsWith(1200).endsWith(1101);
        assertThat(browser.findElements(By.cssSelector("#ranking tbody tr"))).hasSize(1200);

        // a filter pages what matches; printing shows every matching row
        browser.findElement(By.id("rank-filter")).sendKeys("run-07/");
        assertThat(visibleRanks()).hasSize(24);
        assertThat(browser.findElement(By.id("rank-count")).getText()).isEqualTo("24 of 1200 match");
        browser.findElement(By.id("rank-filter")).clear();
        browser.findElement(By.id("rank-filter")).sendKeys(" ");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        Object printed = browser.executeScript("return Array.prototype.filter.call(document.querySelectorAll("
                + "'#ranking tbody tr'), function (r) { return r.getClientRects().length > 0; }).length;");
        assertThat(((Number) printed).intValue()).as("rows printed").isEqualTo(1200);
    }

    private List<Integer> visibleRanks() {
        List<Integer> out = new ArrayList<>();
        for (var row : browser.findElements(By.cssSelector("#ranking tbody tr:not([hidden])"))) {
            out.add(Integer.parseInt(row.findElement(By.tagName("td")).getText()));
        }
        return out;
    }

    private static ChromeDriver open(Path report, int width) {
        ChromeDriver driver = HeadlessChromium.start(width, 1400);
        driver.get(report.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        return driver;
    }

    /** PNGs of the printed pages for a person to look at, when poppler's pdftoppm is installed. */
    private static void rasterise(Path pdf) {
        if (!Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
            return;
        }
        try {
            new ProcessBuilder("/usr/bin/pdftoppm", "-png", "-r", "50", pdf.toString(),
                    pdf.resolveSibling("print-page").toString()).inheritIO().start().waitFor();
        } catch (IOException e) {
            // only a convenience for looking at the pages; the assertions above are the test
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
