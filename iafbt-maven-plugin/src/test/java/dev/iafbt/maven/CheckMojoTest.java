package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.internal.json.PythonJson;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code iafbt:check} configured from the plugin descriptor, POM configuration and {@code -D}, as Maven does. */
@MojoTest
class CheckMojoTest extends GoalTestSupport {
    /** A POM declaring the plugin; the harness reads the goal's configuration from it, as Maven would. */
    private static final String POM = "<project><build><plugins><plugin><artifactId>iafbt-maven-plugin</artifactId><configuration>";
    private static final String END = "</configuration></plugin></plugins></build></project>";
    private static final String SHARPE_AT_LEAST_1 = POM
            + "<rules><rule><metric>sharpe_ratio</metric><minimum>1</minimum></rule></rules>" + END;

    private void bundle(String id, double sharpe) {
        Path dir = project.resolve("backtests");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Backtest.builder(id).summary(SummaryField.SHARPE_RATIO, sharpe).summary(SummaryField.MAX_DRAWDOWN, 0.1).build().save(dir);
    }

    @Test
    @InjectMojo(goal = "check")
    void theDescriptorsDefaultsCheckBacktestsWithTheRoundTripRememberedUnderTarget(CheckMojo mojo) {
        assertThat(mojo.bundles).isEqualTo(file("backtests"));
        assertThat(mojo.rules).isEmpty();
        assertThat(mojo.baseline).isNull();
        assertThat(mojo.roundTrip).isTrue();
        assertThat(mojo.haltOnFailure).isTrue();
        assertThat(mojo.allowEmpty).isFalse();
        assertThat(mojo.roundTripCache).isEqualTo(file("target/iafbt/roundtrip-cache"));
    }

    @Test
    @InjectMojo(goal = "check", pom = SHARPE_AT_LEAST_1)
    void logsEveryViolationThenFailsOnce(CheckMojo mojo) {
        bundle("good", 1.5);
        bundle("weak", 0.25279999999999997);
        bundle("worse", -1);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("2 of 3 bundle(s) violate the rules (see the warnings above).");
        assertThat(log.at("WARNING")).containsExactly(
                "backtests/weak.iafbt (weak): 1 of 1 summary thresholds violated:",
                "    sharpe_ratio = 0.2528, required >= 1 [annualised ratio]",
                "backtests/worse.iafbt (worse): 1 of 1 summary thresholds violated:",
                "    sharpe_ratio = -1, required >= 1 [annualised ratio]",
                "sharpe_ratio >= 1: 2 of 3 fail");
    }

    @Test
    @InjectMojo(goal = "check", pom = SHARPE_AT_LEAST_1)
    @UserProperty(name = "iafbt.haltOnFailure", value = "false")
    void haltOnFailureFalseOnlyWarns(CheckMojo mojo) throws Exception {
        bundle("weak", 0.5);

        mojo.execute();

        assertThat(log.at("WARNING")).last().asString()
                .isEqualTo("1 of 1 bundle(s) violate the rules (see the warnings above). Not failing the build, because haltOnFailure is false.");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM + "<rules>"
            + "<rule><metric>max_drawdown</metric><maximum>25%</maximum></rule>"
            + "<rule><metric>sharpe_ratio</metric><minimum>-5</minimum><scope>summary</scope></rule>"
            + "<rule><metric>sharpe_ratio</metric><minimum>0.3</minimum><scope>eachRun</scope><allow>MISSING</allow></rule>"
            + "</rules>" + END)
    void percentagesScopesAndAllowedValuesComeFromThePom(CheckMojo mojo) throws Exception {
        bundle("good", 1.5);

        mojo.execute();

        assertThat(log.at("INFO")).first().asString().endsWith(
                ": max_drawdown <= 0.25, sharpe_ratio >= -5, sharpe_ratio >= 0.3 (each run), byte-identical round trip");
        assertThat(log.at("INFO")).last().asString().isEqualTo("All 1 bundle(s) meet the rules.");
    }

    @Test
    @InjectMojo(goal = "check", pom = SHARPE_AT_LEAST_1)
    void aSecondBuildReEncodesNothing(CheckMojo mojo, @InjectMojo(goal = "check", pom = SHARPE_AT_LEAST_1) CheckMojo nextBuild)
            throws Exception {
        // ids no other test uses: the same bytes checked earlier in this JVM would count as remembered
        bundle("second_build_a", 1.5);
        bundle("second_build_b", 1.6);
        String cache = project.resolve("target/iafbt/roundtrip-cache").toString();

        mojo.execute();
        assertThat(log.at("INFO")).contains("Round trips: 2 re-encoded, 0 already verified (remembered in " + cache + ")");

        log.lines.clear();
        nextBuild.execute();
        assertThat(log.at("INFO")).contains("Round trips: 0 re-encoded, 2 already verified (remembered in " + cache + ")");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM + "<rules><rule><metric>sharpe</metric><minimum>1</minimum></rule></rules>" + END)
    void anUnknownMetricNamesTheValidOnes(CheckMojo mojo) {
        bundle("good", 1.5);
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("iafbt:check configuration: unknown summary metric 'sharpe'; did you mean sharpe_ratio or");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM + "<rules><rule><metric>sharpe_ratio</metric><minimum>high</minimum></rule></rules>" + END)
    void aBoundThatIsNoNumberSaysWhatToWrite(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute).hasMessage("iafbt:check configuration: rule on 'sharpe_ratio': <minimum> must be"
                + " a number such as 1.5 or a percentage such as 25%, not 'high'");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM + "<rules><rule><metric>sharpe_ratio</metric><minimum>1</minimum>"
            + "<allow>INFINITE, nan, zero</allow></rule></rules>" + END)
    void anUnknownAllowedValueListsTheKnownOnes(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute).hasMessageContaining("<allow> takes MISSING, NAN and INFINITE (comma-separated), not 'zero'");
    }

    @Test
    @MojoParameter(name = "baseline", value = "src/test/iafbt-baseline.csv")
    void aMissingBaselineIsOneFailureAndTheUpdateLogsWhatItWrote(@InjectMojo(goal = "check", pom = SHARPE_AT_LEAST_1) CheckMojo compare,
            @InjectMojo(goal = "check", pom = SHARPE_AT_LEAST_1) @MojoParameter(name = "baselineUpdate", value = "true") CheckMojo update,
            @InjectMojo(goal = "check", pom = SHARPE_AT_LEAST_1) CheckMojo again) throws Exception {
        bundle("a", 1.5);
        bundle("b", 1.2);

        assertThatThrownBy(compare::execute).hasMessageStartingWith("1 check(s) over all bundles failed (see the warnings above).");
        assertThat(log.at("WARNING")).singleElement().asString()
                .startsWith("src/test/iafbt-baseline.csv does not exist (")
                .contains("Record the current values of 2 bundle(s) with -Diafbt.baseline.update=true");

        log.lines.clear();
        update.execute();
        Path file = project.resolve("src/test/iafbt-baseline.csv");
        assertThat(log.at("INFO")).contains("Wrote baseline " + file + ": 2 algorithm id(s) x 1 metric(s)",
                "  added (2): a, b", "Review the diff and commit it.");
        // the same owner line as @BacktestGate("backtests") writes, so the two can share the file
        assertThat(Files.readAllLines(file)).contains("# bundles: [backtests]").endsWith("a,sharpe_ratio,1.5", "b,sharpe_ratio,1.2");

        log.lines.clear();
        again.execute();
        assertThat(log.at("WARNING")).isEmpty();
    }

    @Test
    @InjectMojo(goal = "check", pom = SHARPE_AT_LEAST_1)
    void noBundlesFails(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute).hasMessageStartingWith("1 check(s) over all bundles failed");
        assertThat(log.at("WARNING")).singleElement().asString().startsWith("no .iafbt bundles matched")
                .endsWith("(set <allowEmpty>true</allowEmpty> or -Diafbt.allowEmpty=true, if that is intended)");
    }

    @Test
    @InjectMojo(goal = "check", pom = SHARPE_AT_LEAST_1)
    @UserProperty(name = "iafbt.allowEmpty", value = "true")
    void noBundlesOnlyWarnsWhenAllowed(CheckMojo mojo) throws Exception {
        mojo.execute();
        assertThat(log.at("WARNING")).singleElement().asString().startsWith("no .iafbt bundles matched");
    }

    @Test
    @InjectMojo(goal = "check")
    void aCheckWithoutRulesOrBaselineFailsAndSaysWhereRulesBelong(CheckMojo mojo) {
        bundle("good", 1.5);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("iafbt:check has no rule to check")
                .hasMessageContaining("Put <rules> (and <baseline>) in the plugin's own <configuration>, outside <executions>")
                .hasMessageEndingWith("set -Diafbt.roundTripOnly=true.");
    }

    @Test
    @InjectMojo(goal = "check")
    @UserProperty(name = "iafbt.roundTripOnly", value = "true")
    void roundTripOnlyChecksJustTheRoundTrip(CheckMojo mojo) throws Exception {
        bundle("good", 1.5);

        mojo.execute();

        assertThat(log.at("INFO")).contains("All 1 bundle(s) meet the rules.");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM + "<rules><rule><metric>sharpe_ratio</metric><minimum>1</minimum></rule>"
            + "<rule><metric>max_drawdown</metric><maximum>25%</maximum></rule></rules>" + END)
    @UserProperty(name = "iafbt.failuresLogged", value = "1")
    @SuppressWarnings("unchecked")
    void endsWithOneLinePerRuleAndWritesVerdictsForCi(CheckMojo mojo) throws Exception {
        bundle("good", 1.5);
        bundle("weak", 0.5);
        bundle("worse", -1);

        assertThatThrownBy(mojo::execute).hasMessageStartingWith("2 of 3 bundle(s) violate the rules");

        // only the first failing bundle in detail, then the count per rule
        // the summary max_drawdown rule also gets its quirk warning (the shallowest window's drawdown)
        assertThat(log.at("WARNING")).filteredOn(line -> line.startsWith("summary rule max_drawdown <= 0.25: the summary's"
                + " max_drawdown is the SHALLOWEST window's")).hasSize(1);
        assertThat(log.at("WARNING")).filteredOn(line -> !line.startsWith("summary rule ")).containsExactly(
                "backtests/weak.iafbt (weak): 1 of 2 summary thresholds violated:",
                "    sharpe_ratio = 0.5, required >= 1 [annualised ratio]",
                "... and 1 more failing bundle(s) not shown (-Diafbt.failuresLogged raises the limit;"
                        + " every verdict is in the report files)",
                "sharpe_ratio >= 1: 2 of 3 fail");
        assertThat(log.at("INFO")).contains("max_drawdown <= 0.25: all 3 pass");

        Path folder = project.resolve("target/iafbt");
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(folder.resolve("TEST-iafbt-check.xml").toFile());
        Element suite = xml.getDocumentElement();
        // 3 bundles and the check-level note on the summary max_drawdown rule
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(Files.readString(folder.resolve("TEST-iafbt-check.xml"))).contains("summary rules mean what they say");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        NodeList failures = xml.getElementsByTagName("failure");
        assertThat(((Element) failures.item(1).getParentNode()).getAttribute("name")).isEqualTo("backtests/worse.iafbt (worse)");
        assertThat(failures.item(1).getTextContent()).contains("sharpe_ratio = -1, required >= 1");

        Map<String, Object> json = (Map<String, Object>) PythonJson.loads(Files.readString(folder.resolve("check.json")));
        assertThat(json.get("bundle_count")).isEqualTo(3L);
        assertThat((Map<String, Object>) json.get("rules_failed_by")).containsEntry("sharpe_ratio >= 1", 2L)
                .containsEntry("max_drawdown <= 0.25", 0L);
        assertThat(log.at("INFO")).contains("Verdicts for CI: " + folder.resolve("TEST-iafbt-check.xml") + " (JUnit XML) and "
                + folder.resolve("check.json"));
    }

    @Test
    @InjectMojo(goal = "check", pom = SHARPE_AT_LEAST_1)
    @UserProperty(name = "iafbt.baseline", value = "src/test/iafbt-baseline.csv")
    void aMissingBaselineFailureEndsWithHowToRecordIt(CheckMojo mojo) {
        bundle("a", 1.5);

        assertThatThrownBy(mojo::execute).message()
                .doesNotContain("Fix the bundles or the rules")
                .contains("Record the current values of 1 bundle(s) with -Diafbt.baseline.update=true"
                        + " (e.g. mvn verify -Diafbt.baseline.update=true), then review and commit the file.");
    }

    @Test
    @InjectMojo(goal = "check", pom = SHARPE_AT_LEAST_1)
    @UserProperty(name = "iafbt.gate.top", value = "2")
    void aTopNGatePassesWhenTheBestPassAndStillCountsEveryFailurePerRule(CheckMojo mojo) throws Exception {
        bundle("best", 2.0);
        bundle("second", 1.5);
        bundle("weak", 0.5);

        mojo.execute();

        assertThat(log.at("INFO")).contains("the top 2 by sharpe_ratio must pass (sharpe_ratio, higher is better):"
                + " all 2 pass; 1 other bundle(s) that break rules are tolerated", "All 3 bundle(s) meet the rules.");
        assertThat(log.at("WARNING")).containsExactly("sharpe_ratio >= 1: 1 of 3 fail");
    }

    @Test
    @InjectMojo(goal = "check", pom = SHARPE_AT_LEAST_1)
    @UserProperty(name = "iafbt.gate.top", value = "1")
    @UserProperty(name = "iafbt.gate.focus", value = "balanced")
    void aTopNGateByAFocusRanksAsIafbtRankDoes(CheckMojo mojo) throws Exception {
        Path dir = Files.createDirectories(project.resolve("backtests"));
        // the best Sharpe, but the deepest drawdown and the worst win rate: last by the balanced score
        Backtest.builder("reckless").summary(SummaryField.SHARPE_RATIO, 2.0).summary(SummaryField.MAX_DRAWDOWN, 0.5)
                .summary(SummaryField.WIN_RATE, 0.2).build().save(dir);
        Backtest.builder("steady").summary(SummaryField.SHARPE_RATIO, 0.8).summary(SummaryField.MAX_DRAWDOWN, 0.1)
                .summary(SummaryField.WIN_RATE, 0.6).build().save(dir);

        assertThatThrownBy(mojo::execute).hasMessageStartingWith("1 of 2 bundle(s) violate the rules, and 1 check(s)"
                + " over all bundles failed");
        assertThat(log.at("WARNING")).anySatisfy(line -> assertThat(line).contains("the top 1 by focus balanced must pass"
                + " (balanced score as iafbt:rank ranks it): 1 of 1 fail: backtests/steady.iafbt (steady)"));
    }

    @Test
    @InjectMojo(goal = "check", pom = SHARPE_AT_LEAST_1)
    @UserProperty(name = "iafbt.gate.focus", value = "balanced")
    void aFocusWithoutATopNSaysToSetIt(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute).hasMessage("iafbt:check configuration: <gateFocus> orders the best <gateTop>"
                + " bundles; set <gateTop> too (e.g. -Diafbt.gate.top=5)");
    }

    @Test
    @InjectMojo(goal = "check", pom = SHARPE_AT_LEAST_1)
    @UserProperty(name = "iafbt.gate.top", value = "3")
    @UserProperty(name = "iafbt.gate.focus", value = "safe")
    void anUnknownFocusListsThePresets(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute).hasMessage("iafbt:check configuration: unknown evaluation focus 'safe';"
                + " use one of balanced, profit, frequency, risk_adjusted");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM + "<gateAtLeast>50%</gateAtLeast><rules>"
            + "<rule><metric>sharpe_ratio</metric><minimum>1</minimum><files>backtests/m*</files></rule></rules>" + END)
    void aQuorumGateFailsOnceWhenTooFewPassAndRulesCanTargetFiles(CheckMojo mojo) {
        bundle("momentum", 0.5);
        bundle("mean-reversion", 0.2);
        bundle("carry", 0.1); // not matched by the rule's files

        assertThatThrownBy(mojo::execute).hasMessageStartingWith("1 check(s) over all bundles failed (see the warnings above)."
                + " at least 50% of the bundles must pass: only 1 of 3 pass, 2 required.");
        assertThat(log.at("WARNING")).contains("sharpe_ratio >= 1 [files backtests/m*]: 2 of 3 fail");
    }

    @Test
    @InjectMojo(goal = "check", pom = SHARPE_AT_LEAST_1)
    @UserProperty(name = "iafbt.gate.atLeast", value = "most")
    void aBadGateSaysWhatToWrite(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute).hasMessage("iafbt:check configuration: the minimum number of passing bundles"
                + " must be a count such as 40 or a percentage such as 80%, not 'most'");
    }
}
