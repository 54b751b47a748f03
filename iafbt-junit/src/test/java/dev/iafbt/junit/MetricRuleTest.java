package dev.iafbt.junit;

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
        assertThatThrownBy(() -> BacktestGates.in("x").require("sharpe"))
                .hasMessageStartingWith("unknown summary metric 'sharpe'; the 55 summary metrics are: [total_net_gain,");
        assertThat(BacktestGates.in("x").require("SUMMARY_SHARPE_RATIO").atLeast(1).settings().summaryRules())
                .extracting(MetricRule::describe).containsExactly("sharpe_ratio >= 1");
    }
}
