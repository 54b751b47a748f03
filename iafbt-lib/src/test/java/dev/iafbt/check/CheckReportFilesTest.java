package dev.iafbt.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.internal.json.PythonJson;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The per-rule tally and the machine-readable verdict files of a check run. */
class CheckReportFilesTest {
    @TempDir
    Path project;

    private static final MetricRule SHARPE = MetricRule.summary("sharpe_ratio", 1, Double.NaN, Set.of());
    private static final MetricRule DRAWDOWN = MetricRule.summary("max_drawdown", Double.NaN, 0.25, Set.of());
    private static final MetricRule RUN_TRADES = MetricRule.eachRun("number_of_trades", 1, Double.NaN, Set.of());

    private void bundle(String id, double sharpe, double drawdown) throws Exception {
        Path dir = Files.createDirectories(project.resolve("backtests"));
        Backtest.builder(id).summary(SummaryField.SHARPE_RATIO, sharpe).summary(SummaryField.MAX_DRAWDOWN, drawdown)
                .build().save(dir);
    }

    private CheckSettings settings() {
        return new CheckSettings(List.of("backtests"), project, List.of(SHARPE, DRAWDOWN), List.of(RUN_TRADES),
                Optional.empty(), false, Optional.empty(), false, "allow it", 1);
    }

    private record Outcome(RuleTally tally, List<BundleVerdict> verdicts, List<CheckResult> closing) {
    }

    private Outcome run() {
        CheckSettings settings = settings();
        CheckRun run = new CheckRun(settings);
        RuleTally tally = new RuleTally(settings);
        List<BundleVerdict> verdicts = run.verdicts().toList();
        verdicts.forEach(tally::add);
        return new Outcome(tally, verdicts, run.closingChecks().toList());
    }

    @Test
    void theTallyCountsFailingBundlesPerRuleInConfiguredOrder() throws Exception {
        bundle("a", 1.5, 0.1);
        bundle("b", 0.5, 0.3);
        bundle("c", 0.2, 0.1);

        RuleTally tally = run().tally();

        // no bundle has runs, so the run rule fails for each (a missing value fails unless allowed)
        assertThat(tally.lines()).containsExactly("sharpe_ratio >= 1: 2 of 3 fail", "max_drawdown <= 0.25: 1 of 3 fail",
                "number_of_trades >= 1 (each run): 3 of 3 fail");
    }

    @Test
    void junitXmlIsWellFormedWithOneTestCasePerBundleAndEscapedMessages() throws Exception {
        bundle("a<&>\"", 1.5, 0.1);
        bundle("b", 0.5, 0.1);
        Outcome outcome = run();

        String xml = new CheckReportFiles("iafbt.check", outcome.verdicts(), outcome.closing(), outcome.tally()).junitXml();

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getAttribute("tests")).isEqualTo(String.valueOf(2 + outcome.closing().size()));
        assertThat(document.getDocumentElement().getAttribute("failures")).isEqualTo("2");
        assertThat(document.getElementsByTagName("testcase").item(0).getAttributes().getNamedItem("name").getNodeValue())
                .isEqualTo("backtests/a<&>\".iafbt (a<&>\")");
    }

    @Test
    void writesBothFilesAtomicallyAndTheJsonReadsBack() throws Exception {
        bundle("a", 1.5, 0.1);
        Outcome outcome = run();

        List<Path> files = new CheckReportFiles("iafbt.check", outcome.verdicts(), outcome.closing(), outcome.tally())
                .writeTo(project.resolve("target/iafbt"));

        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("TEST-iafbt-check.xml", "check.json");
        Map<?, ?> json = (Map<?, ?>) PythonJson.loads(Files.readString(files.get(1)));
        List<?> bundles = (List<?>) json.get("bundles");
        Map<?, ?> first = (Map<?, ?>) bundles.get(0);
        assertThat(first.get("algorithm_id")).isEqualTo("a");
        assertThat(first.get("passed")).isEqualTo(false);
        assertThat((List<?>) first.get("failures")).singleElement().satisfies(f ->
                assertThat(((Map<?, ?>) f).get("rules")).isEqualTo(List.of("number_of_trades >= 1 (each run)")));
        try (var listing = Files.list(project.resolve("target/iafbt"))) {
            assertThat(listing).hasSize(2); // no temp file left behind
        }
    }
}
