package dev.iafbt.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricRuleTest {
    private static MetricRule rule(double lower, double upper, SpecialValue... allowed) {
        return new MetricRule(MetricRule.Scope.SUMMARY, "profit_factor", lower, upper, Set.of(allowed));
    }

    @Test
    void boundsAreInclusive() {
        assertThat(rule(1.5, Double.NaN).check(1.5)).isEmpty();
        assertThat(rule(Double.NaN, 2.0).check(2.0)).isEmpty();
        assertThat(rule(1.0, 2.0).check(2.0000001)).contains(
                "profit_factor = 2.0000001, required between 1 and 2 [ratio, gross profit / gross loss, +inf without losses]");
    }

    @Test
    void allowedInfinityIsComparedAsANumber() {
        assertThat(rule(1.5, Double.NaN, SpecialValue.INFINITE).check(Double.POSITIVE_INFINITY)).isEmpty();
        assertThat(rule(Double.NaN, 3.0, SpecialValue.INFINITE).check(Double.POSITIVE_INFINITY))
                .hasValueSatisfying(line -> assertThat(line).startsWith("profit_factor = +inf, required <= 3"));
        assertThat(rule(1.5, Double.NaN).check(Double.NEGATIVE_INFINITY))
                .hasValueSatisfying(line -> assertThat(line).startsWith("profit_factor is -inf (not finite)"));
    }

    @Test
    void aRuleNeedsABoundInOrder() {
        assertThatThrownBy(() -> rule(Double.NaN, Double.NaN)).hasMessageContaining("needs a lower bound, an upper bound or both");
        assertThatThrownBy(() -> rule(2, 1)).hasMessageContaining("lower bound 2 is above upper bound 1");
    }

    @Test
    void unknownSummaryMetricsAreRefusedWithTheKnownList() {
        assertThatThrownBy(() -> MetricRule.summary("sharpe", 1, Double.NaN, Set.of()))
                .hasMessageStartingWith("unknown summary metric 'sharpe'; did you mean sharpe_ratio or sharpe_stability or"
                        + " sharpe_consistency?\n  The 55 summary metrics:\n    total_net_gain,")
                .satisfies(e -> assertThat(e.getMessage().lines()).allSatisfy(line -> assertThat(line).hasSizeLessThan(120)));
        assertThat(MetricRule.summary("SUMMARY_SHARPE_RATIO", 1, Double.NaN, Set.of()).describe()).isEqualTo("sharpe_ratio >= 1");
    }

    @Test
    void valuesPrintAsAPersonWritesThemButNeverEqualToTheBoundTheyBroke() {
        assertThat(new MetricRule(MetricRule.Scope.SUMMARY, "max_drawdown", Double.NaN, 0.25, Set.of()).check(0.25279999999999997))
                .contains("max_drawdown = 0.2528, required <= 0.25 [decimal fraction, positive, 0.14 = 14%]");
        assertThat(rule(1.0, Double.NaN).check(0.99999999999999))
                .hasValueSatisfying(line -> assertThat(line).startsWith("profit_factor = 0.99999999999999, required >= 1 "));
        assertThat(rule(0.1 + 0.2, Double.NaN).check(0.29)).hasValueSatisfying(line -> assertThat(line).contains("required >= 0.3 "));
    }
}
