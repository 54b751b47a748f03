package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckMojoTest {
    @TempDir
    Path project;

    private final CapturingLog log = new CapturingLog();
    private CheckMojo mojo;

    @BeforeEach
    void mojo() {
        mojo = new CheckMojo();
        mojo.setLog(log);
        mojo.basedir = project.toFile();
        mojo.bundles = new File("backtests");
        mojo.roundTrip = true;
        mojo.haltOnFailure = true;
        mojo.roundTripCache = project.resolve("target/iafbt/roundtrip-cache").toFile();
    }

    private void bundle(String id, double sharpe) {
        Path dir = project.resolve("backtests");
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Backtest.builder(id).summary(SummaryField.SHARPE_RATIO, sharpe).summary(SummaryField.MAX_DRAWDOWN, 0.1).build().save(dir);
    }

    private static Rule rule(String metric, String minimum, String maximum) {
        Rule rule = new Rule();
        rule.metric = metric;
        rule.minimum = minimum;
        rule.maximum = maximum;
        return rule;
    }

    @Test
    void logsEveryViolationThenFailsOnce() {
        bundle("good", 1.5);
        bundle("weak", 0.25279999999999997);
        bundle("worse", -1);
        mojo.rules = List.of(rule("sharpe_ratio", "1", null));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("2 of 3 bundle(s) violate the rules (see the warnings above).");
        assertThat(log.at("WARNING")).containsExactly(
                "backtests/weak.iafbt (weak): 1 of 1 summary thresholds violated:",
                "    sharpe_ratio = 0.2528, required >= 1 [annualised ratio]",
                "backtests/worse.iafbt (worse): 1 of 1 summary thresholds violated:",
                "    sharpe_ratio = -1, required >= 1 [annualised ratio]");
    }

    @Test
    void haltOnFailureFalseOnlyWarns() throws Exception {
        bundle("weak", 0.5);
        mojo.rules = List.of(rule("sharpe_ratio", "1", null));
        mojo.haltOnFailure = false;

        mojo.execute();

        assertThat(log.at("WARNING")).last().asString()
                .isEqualTo("1 of 1 bundle(s) violate the rules (see the warnings above). Not failing the build, because haltOnFailure is false.");
    }

    @Test
    void aPercentageBoundAndAnEachRunScopeAreUnderstood() throws Exception {
        bundle("good", 1.5);
        mojo.rules = List.of(rule("max_drawdown", null, "25%"), rule("sharpe_ratio", "-5", null));
        mojo.rules.get(1).scope = "summary";

        mojo.execute();

        assertThat(log.at("INFO")).first().asString().endsWith(": max_drawdown <= 0.25, sharpe_ratio >= -5, byte-identical round trip");
        assertThat(log.at("INFO")).last().asString().isEqualTo("All 1 bundle(s) meet the rules.");
    }

    @Test
    void aSecondBuildReEncodesNothing() throws Exception {
        // ids no other test uses: the same bytes checked earlier in this JVM would count as remembered
        bundle("second_build_a", 1.5);
        bundle("second_build_b", 1.6);
        mojo.rules = List.of(rule("sharpe_ratio", "1", null));
        String cache = project.resolve("target/iafbt/roundtrip-cache").toString();

        mojo.execute();
        assertThat(log.at("INFO")).contains("Round trips: 2 re-encoded, 0 already verified (remembered in " + cache + ")");

        log.lines.clear();
        CheckMojo nextBuild = new CheckMojo();
        nextBuild.setLog(log);
        nextBuild.basedir = mojo.basedir;
        nextBuild.bundles = mojo.bundles;
        nextBuild.rules = mojo.rules;
        nextBuild.roundTrip = true;
        nextBuild.haltOnFailure = true;
        nextBuild.roundTripCache = mojo.roundTripCache;
        nextBuild.execute();
        assertThat(log.at("INFO")).contains("Round trips: 0 re-encoded, 2 already verified (remembered in " + cache + ")");
    }

    @Test
    void aConfigurationMistakeNamesTheRuleAndTheFix() {
        bundle("good", 1.5);
        Rule typo = rule("sharpe", "1", null);
        mojo.rules = List.of(typo);
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("iafbt:check configuration: unknown summary metric 'sharpe'; the 55 summary metrics are: [");

        mojo.rules = List.of(rule("sharpe_ratio", "high", null));
        assertThatThrownBy(mojo::execute).hasMessage("iafbt:check configuration: rule on 'sharpe_ratio': <minimum> must be"
                + " a number such as 1.5 or a percentage such as 25%, not 'high'");

        Rule allow = rule("sharpe_ratio", "1", null);
        allow.allow = "INFINITE, nan, zero";
        mojo.rules = List.of(allow);
        assertThatThrownBy(mojo::execute).hasMessageContaining("<allow> takes MISSING, NAN and INFINITE (comma-separated), not 'zero'");
    }

    @Test
    void aMissingBaselineIsOneFailureAndTheUpdateLogsWhatItWrote() throws Exception {
        bundle("a", 1.5);
        bundle("b", 1.2);
        mojo.rules = List.of(rule("sharpe_ratio", "1", null));
        mojo.baseline = new File("src/test/iafbt-baseline.csv");

        assertThatThrownBy(mojo::execute).hasMessageStartingWith("1 check(s) over all bundles failed (see the warnings above).");
        assertThat(log.at("WARNING")).singleElement().asString()
                .startsWith("src/test/iafbt-baseline.csv does not exist (")
                .contains("Record the current values of 2 bundle(s) with -Diafbt.baseline.update=true");

        log.lines.clear();
        mojo.baselineUpdate = true;
        mojo.execute();
        Path file = project.resolve("src/test/iafbt-baseline.csv");
        assertThat(log.at("INFO")).contains("Wrote baseline " + file + ": 2 algorithm id(s) x 1 metric(s)",
                "  added (2): a, b", "Review the diff and commit it.");
        // the same owner line as @BacktestGate("backtests") writes, so the two can share the file
        assertThat(Files.readAllLines(file)).contains("# bundles: [backtests]").endsWith("a,sharpe_ratio,1.5", "b,sharpe_ratio,1.2");

        log.lines.clear();
        mojo.baselineUpdate = false;
        mojo.execute();
        assertThat(log.at("WARNING")).isEmpty();
    }

    @Test
    void noBundlesFailsUnlessAllowed() throws Exception {
        mojo.rules = List.of(rule("sharpe_ratio", "1", null));
        assertThatThrownBy(mojo::execute).hasMessageStartingWith("1 check(s) over all bundles failed");
        assertThat(log.at("WARNING")).singleElement().asString().startsWith("no .iafbt bundles matched")
                .endsWith("(set <allowEmpty>true</allowEmpty> or -Diafbt.allowEmpty=true, if that is intended)");

        mojo.allowEmpty = true;
        mojo.execute();
    }
}
