package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportSizesTest {
    @Test
    void anOptionSharedByTheLargestPartsIsAdvisedOnce() {
        // a tear sheet whose equity curve and trade table fill the page: both shrink with topK
        String page = "<section id=\"sheet-1\"><h3>Equity</h3>" + "x".repeat(5000)
                + "<h3>Trades (3)</h3>" + "y".repeat(4000) + "</section>";

        String advice = ReportSizes.explain(page.getBytes(StandardCharsets.UTF_8), ReportOptions.defaults());

        assertThat(advice).contains("Equity of the tear sheets").contains("Trades of the tear sheets");
        assertThat(advice.split("lower topK", -1)).hasSize(2);
        assertThat(advice).contains("lower maxPoints (now 400)").contains("lower maxTableRows (now 100)")
                .endsWith("raise sizeBudget");
    }
}
