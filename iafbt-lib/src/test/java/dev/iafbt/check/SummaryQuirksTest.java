package dev.iafbt.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SummaryQuirksTest {
    @Test
    void aSummaryDrawdownRuleWarnsAndNamesTheRunScopeRule() {
        List<CheckResult> notes = SummaryQuirks.notes(List.of(
                MetricRule.summary("sharpe_ratio", 1, Double.NaN, Set.of()),
                MetricRule.summary("max_drawdown", Double.NaN, 0.25, Set.of())));

        assertThat(notes).singleElement().satisfies(note -> {
            assertThat(note.status()).isEqualTo(CheckResult.Status.SKIPPED);
            assertThat(note.message()).startsWith("summary rule max_drawdown <= 0.25: the summary's max_drawdown is the"
                    + " SHALLOWEST window's drawdown").contains("<scope>eachRun</scope>", "requireEachRun(\"max_drawdown\")")
                    .doesNotContain("sharpe_ratio");
        });
    }

    @Test
    void rulesOnPlainSummaryFieldsGetNoNote() {
        assertThat(SummaryQuirks.notes(List.of(MetricRule.summary("sharpe_ratio", 1, Double.NaN, Set.of()),
                MetricRule.eachRun("max_drawdown", Double.NaN, 0.25, Set.of())))).isEmpty();
    }
}
