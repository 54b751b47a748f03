package dev.iafbt.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every field the reference's {@code create_backtest_metrics} computes for one run with its default
 * metric list, keyed by the bundle's field name, in {@code BacktestMetrics.to_dict()} order. Values
 * are {@link Double} or {@link Long} scalars, {@link TimeSeries}, {@link DatedValue},
 * {@link TradeCount}, or an {@link Integer} index into the run's trades for {@code best_trade} and
 * {@code worst_trade} (null without trades). The identity fields (dates, names, initial balance)
 * are the run's own and not part of this result. Fields the reference computes but does not
 * persist ({@code gross_profit}, {@code current_average_*}, …) are in {@link #notPersisted()}.
 */
public final class RunMetrics {
    /** The computed fields as {@code BacktestMetrics.to_dict()} orders them (identity fields left out). */
    public static final List<String> FIELDS = List.of("equity_curve", "final_value", "total_net_gain",
            "total_net_gain_percentage", "total_growth", "total_growth_percentage", "total_loss",
            "total_loss_percentage", "cumulative_return", "cumulative_return_series", "cagr", "sharpe_ratio",
            "rolling_sharpe_ratio", "sortino_ratio", "calmar_ratio", "profit_factor", "annual_volatility",
            "monthly_returns", "yearly_returns", "drawdown_series", "max_drawdown", "max_drawdown_absolute",
            "max_daily_drawdown", "max_drawdown_duration", "twr_equity_curve", "twr_drawdown_series",
            "twr_max_drawdown", "twr_max_drawdown_duration", "trades_per_year", "trades_per_week",
            "trades_per_month", "trade_per_day", "exposure_ratio", "cumulative_exposure", "average_trade_gain",
            "average_trade_gain_percentage", "average_trade_loss", "average_trade_loss_percentage",
            "average_trade_return", "average_trade_return_percentage", "median_trade_return",
            "median_trade_return_percentage", "number_of_positive_trades", "percentage_positive_trades",
            "number_of_negative_trades", "percentage_negative_trades", "best_trade", "worst_trade",
            "average_trade_duration", "average_win_duration", "average_loss_duration", "average_trade_size",
            "number_of_trades", "number_of_trades_closed", "number_of_trades_opened", "win_rate",
            "current_win_rate", "win_loss_ratio", "current_win_loss_ratio", "percentage_winning_months",
            "percentage_winning_years", "average_monthly_return", "average_monthly_return_losing_months",
            "average_monthly_return_winning_months", "best_month", "best_year", "worst_month", "worst_year",
            "var_95", "cvar_95", "max_consecutive_wins", "max_consecutive_losses");

    private final Map<String, Object> values;
    private final Map<String, Object> notPersisted;
    private final double initialUnallocated;

    RunMetrics(Map<String, Object> computed, Map<String, Object> notPersisted, double initialUnallocated) {
        this.initialUnallocated = initialUnallocated;
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String field : FIELDS) {
            if (!computed.containsKey(field)) {
                throw new IllegalStateException("metric not computed: " + field);
            }
            ordered.put(field, computed.get(field));
        }
        this.values = Collections.unmodifiableMap(ordered);
        this.notPersisted = Collections.unmodifiableMap(new LinkedHashMap<>(notPersisted));
    }

    /** Field name → value, in persisted order. */
    public Map<String, Object> values() {
        return values;
    }

    /** {@code gross_profit}, {@code gross_loss}, {@code current_average_trade_*}, {@code total_number_of_days}. */
    public Map<String, Object> notPersisted() {
        return notPersisted;
    }

    public Object get(String field) {
        return values.containsKey(field) ? values.get(field) : notPersisted.get(field);
    }

    /** A numeric field as a double (NaN for a null such as an empty {@code best_year}). */
    public double number(String field) {
        Object value = get(field);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    public TimeSeries series(String field) {
        return (TimeSeries) values.get(field);
    }

    public double grossProfit() {
        return number("gross_profit");
    }

    public double grossLoss() {
        return number("gross_loss");
    }

    /** The run's initial balance these metrics were computed with (the summary's loss percentage uses it). */
    public double initialUnallocated() {
        return initialUnallocated;
    }

    public long totalNumberOfDays() {
        return (Long) notPersisted.get("total_number_of_days");
    }
}
