package dev.iafbt.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code generate_backtest_summary_metrics}: the 55 summary fields over the runs of one backtest,
 * in run order, with the reference's weights (days for most fields, closed trades for trade
 * fields) and its quirks kept in its fields — {@code max_drawdown} is the <em>smallest</em> run
 * drawdown; {@link #worstWindowMaxDrawdown} gives the figure its name suggests.
 */
public final class SummaryMetricsCalculator {
    /** The summary fields in the reference's order. */
    public static final List<String> FIELDS = List.of("total_net_gain", "total_net_gain_percentage",
            "total_growth", "total_growth_percentage", "total_loss", "total_loss_percentage", "average_loss",
            "average_loss_percentage", "average_net_gain", "average_net_gain_percentage", "average_growth",
            "average_growth_percentage", "average_trade_return", "average_trade_return_percentage",
            "average_trade_loss", "average_trade_loss_percentage", "average_trade_gain",
            "average_trade_gain_percentage", "cagr", "sharpe_ratio", "sortino_ratio", "calmar_ratio",
            "profit_factor", "annual_volatility", "max_drawdown", "max_drawdown_duration", "trades_per_year",
            "trades_per_month", "trades_per_week", "win_rate", "current_win_rate", "win_loss_ratio",
            "current_win_loss_ratio", "number_of_trades", "number_of_trades_closed", "cumulative_exposure",
            "exposure_ratio", "number_of_windows", "number_of_profitable_windows", "number_of_windows_with_trades",
            "average_trade_duration", "average_win_duration", "average_loss_duration", "var_95", "cvar_95",
            "max_consecutive_wins", "max_consecutive_losses", "return_consistency", "win_rate_consistency",
            "sharpe_consistency", "consistency_score", "return_stability", "win_rate_stability",
            "sharpe_stability", "stability_score");

    private static final List<String> DAY_WEIGHTED = List.of("cagr", "sharpe_ratio", "sortino_ratio",
            "calmar_ratio", "annual_volatility", "cumulative_exposure", "exposure_ratio", "var_95", "cvar_95");
    private static final List<String> TRADE_WEIGHTED = List.of("win_rate", "current_win_rate", "win_loss_ratio",
            "current_win_loss_ratio", "average_trade_duration", "average_win_duration", "average_loss_duration");

    private SummaryMetricsCalculator() {
    }

    /** Field → value (Double, Long or null), in the reference's order; all null for no runs. */
    public static Map<String, Object> compute(List<RunMetrics> runs) {
        Map<String, Object> s = new LinkedHashMap<>();
        FIELDS.forEach(f -> s.put(f, null));
        if (runs.isEmpty()) {
            return Collections.unmodifiableMap(s);
        }
        double[] days = weights(runs, r -> r.totalNumberOfDays());
        double[] closed = weights(runs, r -> r.number("number_of_trades_closed"));
        double[] winWeights = weights(runs, r -> r.number("number_of_trades_closed") * (r.number("win_rate") / 100));
        double[] lossWeights = weights(runs, r -> r.number("number_of_trades_closed") * (1 - r.number("win_rate") / 100));

        s.put("total_net_gain", sum(runs, "total_net_gain"));
        s.put("total_net_gain_percentage", compound(runs, "total_net_gain_percentage"));
        s.put("total_growth", sum(runs, "total_growth"));
        s.put("total_growth_percentage", compound(runs, "total_growth_percentage"));
        double totalLoss = sum(runs, "total_loss");
        s.put("total_loss", totalLoss);
        double capital = 0;
        for (RunMetrics r : runs) {
            if (r.initialUnallocated() > 0) {
                capital += r.initialUnallocated();
            }
        }
        s.put("total_loss_percentage", capital == 0 ? null : totalLoss / capital);
        s.put("average_loss", wmean(runs, "gross_loss", days));
        s.put("average_loss_percentage", wmean(runs, "total_loss_percentage", days));
        s.put("average_net_gain", wmean(runs, "total_net_gain", days));
        s.put("average_net_gain_percentage", wmean(runs, "total_net_gain_percentage", days));
        s.put("average_growth", wmean(runs, "total_growth", days));
        s.put("average_growth_percentage", wmean(runs, "total_growth_percentage", days));
        s.put("average_trade_return", wmean(runs, "average_trade_return", closed));
        s.put("average_trade_return_percentage", wmean(runs, "average_trade_return_percentage", closed));
        s.put("average_trade_loss", wmean(runs, "average_trade_loss", lossWeights));
        s.put("average_trade_loss_percentage", wmean(runs, "average_trade_loss_percentage", lossWeights));
        s.put("average_trade_gain", wmean(runs, "average_trade_gain", winWeights));
        s.put("average_trade_gain_percentage", wmean(runs, "average_trade_gain_percentage", winWeights));
        DAY_WEIGHTED.forEach(f -> s.put(f, wmean(runs, f, days)));
        TRADE_WEIGHTED.forEach(f -> s.put(f, wmean(runs, f, closed)));
        s.put("profit_factor", profitFactor(runs, days));
        s.put("max_drawdown", runs.stream().mapToDouble(r -> r.number("max_drawdown")).min().getAsDouble());
        s.put("max_drawdown_duration", maxLong(runs, "max_drawdown_duration"));
        Double perYear = wmean(runs, "trades_per_year", days);
        s.put("trades_per_year", perYear);
        s.put("trades_per_month", perYear == null ? null : perYear / 12);
        s.put("trades_per_week", perYear == null ? null : perYear / 52);
        s.put("number_of_trades", sumLong(runs, "number_of_trades"));
        s.put("number_of_trades_closed", sumLong(runs, "number_of_trades_closed"));
        s.put("number_of_windows", (long) runs.size());
        s.put("number_of_profitable_windows", runs.stream().filter(r -> r.number("total_net_gain") > 0).count());
        s.put("number_of_windows_with_trades", runs.stream().filter(r -> r.number("number_of_trades_closed") > 0).count());
        s.put("max_consecutive_wins", maxLong(runs, "max_consecutive_wins"));
        s.put("max_consecutive_losses", maxLong(runs, "max_consecutive_losses"));
        ConsistencyScores.putInto(s, runs);
        return Collections.unmodifiableMap(s);
    }

    /**
     * The deepest drawdown of any run: what a reader of "max drawdown" means. The reference's
     * summary field holds the shallowest run's instead (kept there for parity).
     */
    public static double worstWindowMaxDrawdown(List<RunMetrics> runs) {
        return worstWindowMaxDrawdown(runs.stream().mapToDouble(r -> r.number("max_drawdown")).toArray());
    }

    /** As {@link #worstWindowMaxDrawdown(List)} from the runs' {@code max_drawdown} values (positive fractions); 0 without runs. */
    public static double worstWindowMaxDrawdown(double[] runMaxDrawdowns) {
        return Arrays.stream(runMaxDrawdowns).max().orElse(0.0);
    }

    private static Object profitFactor(List<RunMetrics> runs, double[] days) {
        double grossProfit = sum(runs, "gross_profit");
        double grossLoss = Math.abs(sum(runs, "gross_loss"));
        return grossLoss > 0 ? (Object) (grossProfit / grossLoss) : wmean(runs, "profit_factor", days);
    }

    private static double[] weights(List<RunMetrics> runs, ToDoubleFunction<RunMetrics> weight) {
        return runs.stream().mapToDouble(weight).toArray();
    }

    /** Σ value·weight / Σ weight over runs with a value and a positive weight; NaN and inf are not filtered. */
    private static Double wmean(List<RunMetrics> runs, String field, double[] weights) {
        double weighted = 0;
        double total = 0;
        boolean any = false;
        for (int i = 0; i < runs.size(); i++) {
            Object value = runs.get(i).get(field);
            if (value instanceof Number n && weights[i] > 0) {
                weighted += n.doubleValue() * weights[i];
                total += weights[i];
                any = true;
            }
        }
        return any ? weighted / total : null;
    }

    private static double sum(List<RunMetrics> runs, String field) {
        double total = 0;
        for (RunMetrics r : runs) {
            if (r.get(field) instanceof Number n) {
                total += n.doubleValue();
            }
        }
        return total;
    }

    private static long sumLong(List<RunMetrics> runs, String field) {
        return runs.stream().mapToLong(r -> ((Number) r.get(field)).longValue()).sum();
    }

    private static long maxLong(List<RunMetrics> runs, String field) {
        return runs.stream().mapToLong(r -> ((Number) r.get(field)).longValue()).max().getAsLong();
    }

    private static Double compound(List<RunMetrics> runs, String field) {
        List<Double> values = new ArrayList<>();
        for (RunMetrics r : runs) {
            if (r.get(field) instanceof Number n) {
                values.add(n.doubleValue());
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        double product = 1.0;
        for (double p : values) {
            product *= 1 + p;
        }
        return product - 1;
    }
}
