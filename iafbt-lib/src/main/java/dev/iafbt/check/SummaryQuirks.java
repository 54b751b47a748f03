package dev.iafbt.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Summary metrics that are not what their names suggest (the reference's summary aggregation,
 * docs/metrics.md), and the closing note a summary-scope rule on one of them gets: it names the
 * run-scope rule that does what the user most likely meant. The rule still runs as written.
 */
final class SummaryQuirks {
    /** The closing check's name. */
    static final String NAME = "summary rules mean what they say";

    private static final Map<String, String> QUIRKS = Map.of(
            "max_drawdown", "the summary's max_drawdown is the SHALLOWEST window's drawdown, not the deepest, so"
                    + " a bound on it passes a strategy that lost more in another window",
            "total_net_gain_percentage", "the summary compounds the windows' returns, overlapping windows included",
            "total_growth_percentage", "the summary compounds the windows' returns, overlapping windows included",
            "average_trade_loss", "the summary weights each window by closed trades x (1 - win_rate/100) on a decimal"
                    + " win rate",
            "average_trade_loss_percentage", "the summary weights each window by closed trades x (1 - win_rate/100)"
                    + " on a decimal win rate",
            "average_trade_gain", "the summary weights each window by closed trades x win_rate/100 on a decimal win"
                    + " rate",
            "average_trade_gain_percentage", "the summary weights each window by closed trades x win_rate/100 on a"
                    + " decimal win rate",
            "return_stability", "the summary divides decimal returns by 100, so it sits near 1 whatever the returns",
            "win_rate_stability", "the summary divides decimal win rates by 50, so it sits near 1 whatever the rates",
            "profit_factor", "the summary's profit_factor depends on whether it was built from fresh or from stored"
                    + " metrics (the reference does not store gross profit and loss)");

    private SummaryQuirks() {
    }

    /** Empty when no summary rule touches a quirk; else one SKIPPED (warning) result naming each such rule. */
    static List<CheckResult> notes(List<MetricRule> summaryRules) {
        List<String> lines = new ArrayList<>();
        for (MetricRule rule : summaryRules) {
            String quirk = rule.scope() == MetricRule.Scope.SUMMARY ? QUIRKS.get(rule.metric()) : null;
            if (quirk != null) {
                lines.add("summary rule " + rule.describe() + ": " + quirk + ". To bound every window, use the"
                        + " run-scope rule on " + rule.metric() + " instead (iafbt:check: <scope>eachRun</scope>;"
                        + " JUnit: @Threshold(eachRun = true) or requireEachRun(\"" + rule.metric() + "\")).");
            }
        }
        return lines.isEmpty() ? List.of() : List.of(CheckResult.skipped(NAME, String.join("\n", lines)));
    }
}
