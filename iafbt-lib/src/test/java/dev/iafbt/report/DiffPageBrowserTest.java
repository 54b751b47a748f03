package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iafbt.check.SweepDiff;
import dev.iafbt.check.SweepDiffSamples;
import dev.iafbt.model.SummaryField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/** The page of iafbt:diff in headless Chromium: it opens cleanly, lists the regression and marks worse values. */
class DiffPageBrowserTest {
    @Test
    void theDiffPageShowsTheRegressionAndMarksWorseValues() throws IOException {
        String missing = HeadlessChromium.unavailable();
        assumeTrue(missing == null, () -> "Skipping the browser test: " + missing);
        Path page = ReportBrowserTest.OUT.resolve("diff.html");
        Files.createDirectories(page.getParent());
        SweepDiff diff = SweepDiffSamples.knownRegression(Map.of(SummaryField.SHARPE_RATIO, 0.2));
        DiffPage.write(page, diff, "results/main", "results/branch", true);

        ChromeDriver browser = HeadlessChromium.start(1300, 900);
        try {
            browser.get(page.toUri().toString());
            List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
            assertThat(problems).as("console errors and warnings").isEmpty();
            assertThat(browser.findElement(By.cssSelector("#regressions h2")).getText()).isEqualTo("Regressions (1)");
            assertThat(browser.findElement(By.cssSelector("#regressions li")).getText())
                    .isEqualTo("b: sharpe_ratio 1.2 -> 0.8 (worse by 0.4, allowed 0.2)");
            List<WebElement> rows = browser.findElements(By.cssSelector("#diff-table tbody tr"));
            assertThat(rows).extracting(r -> r.findElement(By.tagName("td")).getText()).containsExactly("a", "c", "fresh", "b", "gone");
            WebElement bSharpe = rows.get(3).findElements(By.tagName("td")).get(4);
            assertThat(bSharpe.getText()).isEqualTo("1.2 → 0.8 (-0.4)");
            assertThat(bSharpe.getAttribute("class")).isEqualTo("neg");
            assertThat(bSharpe.getCssValue("color")).isNotEqualTo(rows.get(0).findElements(By.tagName("td")).get(0).getCssValue("color"));
            Files.write(ReportBrowserTest.OUT.resolve("diff.png"), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }
}
