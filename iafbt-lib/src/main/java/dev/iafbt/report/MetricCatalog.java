package dev.iafbt.report;

import static dev.iafbt.model.SummaryField.*;

import dev.iafbt.model.SummaryField;
import java.util.List;
import java.util.Map;

/**
 * Which summary metrics the report shows, under which label, in which unit. The stored units are
 * the model's (fractions, ratios, hours for trade durations, days for the drawdown duration); the
 * kind says how {@link Fmt} shows them, so a duration in hours is never printed with a "d".
 */
final class MetricCatalog {
    enum Kind { PCT, RATIO, COUNT, HOURS, DAYS }

    record Metric(SummaryField field, String label, Kind kind) {
        String format(Double v) {
            return switch (kind) {
                case PCT -> Fmt.pct(v);
                case RATIO -> Fmt.num(v, 2);
                case COUNT -> Fmt.count(v);
                case HOURS -> Fmt.num(v, 1) + (v == null || v.isNaN() ? "" : " h");
                case DAYS -> Fmt.count(v) + (v == null || v.isNaN() ? "" : " d");
            };
        }
    }

    /** The ranking table's metric columns. */
    static final List<Metric> RANKING = List.of(m(CAGR, "CAGR", Kind.PCT), m(SHARPE_RATIO, "Sharpe", Kind.RATIO),
            m(SORTINO_RATIO, "Sortino", Kind.RATIO), m(CALMAR_RATIO, "Calmar", Kind.RATIO),
            m(MAX_DRAWDOWN, "Max DD", Kind.PCT), m(ANNUAL_VOLATILITY, "Volatility", Kind.PCT),
            m(TOTAL_NET_GAIN_PERCENTAGE, "Net gain", Kind.PCT), m(WIN_RATE, "Win rate", Kind.PCT),
            m(PROFIT_FACTOR, "Profit factor", Kind.RATIO), m(NUMBER_OF_TRADES, "Trades", Kind.COUNT),
            m(NUMBER_OF_WINDOWS, "Windows", Kind.COUNT), m(CONSISTENCY_SCORE, "Consistency", Kind.RATIO),
            m(STABILITY_SCORE, "Stability", Kind.RATIO));

    /**
     * The summary's {@code max_drawdown} is the reference's: the shallowest window's drawdown, not the
     * deepest (docs/metrics.md); the label must not let it pass for the worst case.
     */
    static final String SHALLOWEST_WINDOW_DRAWDOWN = "Max drawdown (shallowest window)";

    /** The deepest drawdown of any window (stored per-run {@code max_drawdown}), shown beside the summary's. */
    static final String WORST_WINDOW_DRAWDOWN = "Worst window max drawdown";

    static final List<Metric> KPIS = List.of(m(CAGR, "CAGR", Kind.PCT), m(SHARPE_RATIO, "Sharpe", Kind.RATIO),
            m(SORTINO_RATIO, "Sortino", Kind.RATIO), m(MAX_DRAWDOWN, SHALLOWEST_WINDOW_DRAWDOWN, Kind.PCT),
            m(TOTAL_NET_GAIN_PERCENTAGE, "Net gain (windows compounded)", Kind.PCT), m(WIN_RATE, "Win rate", Kind.PCT),
            m(PROFIT_FACTOR, "Profit factor", Kind.RATIO), m(NUMBER_OF_TRADES, "Trades", Kind.COUNT));

    static final Map<String, List<Metric>> GROUPS = new java.util.LinkedHashMap<>();

    static {
        GROUPS.put("Returns", List.of(m(TOTAL_NET_GAIN, "Net gain", Kind.RATIO), m(TOTAL_NET_GAIN_PERCENTAGE, "Net gain %", Kind.PCT),
                m(CAGR, "CAGR", Kind.PCT), m(TOTAL_GROWTH_PERCENTAGE, "Growth", Kind.PCT),
                m(AVERAGE_NET_GAIN_PERCENTAGE, "Average net gain per window", Kind.PCT)));
        GROUPS.put("Risk", List.of(m(MAX_DRAWDOWN, SHALLOWEST_WINDOW_DRAWDOWN, Kind.PCT),
                m(MAX_DRAWDOWN_DURATION, "Max drawdown duration", Kind.DAYS), m(ANNUAL_VOLATILITY, "Annual volatility", Kind.PCT),
                m(VAR_95, "VaR 95% (monthly)", Kind.PCT), m(CVAR_95, "CVaR 95% (monthly)", Kind.PCT)));
        GROUPS.put("Risk-adjusted", List.of(m(SHARPE_RATIO, "Sharpe", Kind.RATIO), m(SORTINO_RATIO, "Sortino", Kind.RATIO),
                m(CALMAR_RATIO, "Calmar", Kind.RATIO)));
        GROUPS.put("Trades", List.of(m(NUMBER_OF_TRADES, "Trades", Kind.COUNT), m(TRADES_PER_YEAR, "Trades per year", Kind.RATIO),
                m(WIN_RATE, "Win rate", Kind.PCT), m(PROFIT_FACTOR, "Profit factor", Kind.RATIO),
                m(WIN_LOSS_RATIO, "Win/loss ratio", Kind.RATIO),
                m(AVERAGE_TRADE_RETURN_PERCENTAGE, "Average trade return", Kind.PCT),
                m(AVERAGE_TRADE_DURATION, "Average trade duration", Kind.HOURS),
                m(MAX_CONSECUTIVE_WINS, "Longest win streak", Kind.COUNT),
                m(MAX_CONSECUTIVE_LOSSES, "Longest loss streak", Kind.COUNT), m(EXPOSURE_RATIO, "Exposure", Kind.PCT)));
        GROUPS.put("Across windows", List.of(m(NUMBER_OF_WINDOWS, "Windows", Kind.COUNT),
                m(NUMBER_OF_PROFITABLE_WINDOWS, "Profitable windows", Kind.COUNT),
                m(CONSISTENCY_SCORE, "Consistency", Kind.RATIO), m(STABILITY_SCORE, "Stability", Kind.RATIO)));
    }

    private MetricCatalog() {
    }

    private static Metric m(SummaryField field, String label, Kind kind) {
        return new Metric(field, label, kind);
    }
}
