package dev.iafbt.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The 55 fields of the reference's {@code BacktestSummaryMetrics}, the cross-window roll-up that a
 * bundle stores once per backtest and the Tier-1 index stores as {@code summary_<key>} columns.
 *
 * <p>Constants are in {@code to_dict()} order, the key order inside a bundle. The SQLite column order is the dataclass declaration order, which differs in two
 * places; {@link #declarationOrder()} gives it. Data only: lookups, no logic.
 */
public enum SummaryField {
    TOTAL_NET_GAIN(false, Unit.CURRENCY),
    TOTAL_NET_GAIN_PERCENTAGE(false, Unit.FRACTION),
    TOTAL_GROWTH(false, Unit.CURRENCY),
    TOTAL_GROWTH_PERCENTAGE(false, Unit.FRACTION),
    TOTAL_LOSS(false, "currency units, gross loss magnitude >= 0"),
    TOTAL_LOSS_PERCENTAGE(false, Unit.FRACTION),
    AVERAGE_LOSS(false, Unit.CURRENCY),
    AVERAGE_LOSS_PERCENTAGE(false, Unit.FRACTION),
    AVERAGE_NET_GAIN(false, Unit.CURRENCY),
    AVERAGE_NET_GAIN_PERCENTAGE(false, Unit.FRACTION),
    AVERAGE_GROWTH(false, Unit.CURRENCY),
    AVERAGE_GROWTH_PERCENTAGE(false, Unit.FRACTION),
    AVERAGE_TRADE_RETURN(false, Unit.CURRENCY),
    AVERAGE_TRADE_RETURN_PERCENTAGE(false, Unit.FRACTION),
    AVERAGE_TRADE_LOSS(false, "currency units, negative"),
    AVERAGE_TRADE_LOSS_PERCENTAGE(false, "decimal fraction, negative, -0.10 = -10%"),
    AVERAGE_TRADE_GAIN(false, Unit.CURRENCY),
    AVERAGE_TRADE_GAIN_PERCENTAGE(false, Unit.FRACTION),
    CAGR(false, "decimal fraction per year, 0.10 = 10%"),
    SHARPE_RATIO(false, Unit.ANNUALISED_RATIO),
    SORTINO_RATIO(false, Unit.ANNUALISED_RATIO),
    CALMAR_RATIO(false, "ratio, cagr / max_drawdown"),
    PROFIT_FACTOR(false, "ratio, gross profit / gross loss, +inf without losses"),
    ANNUAL_VOLATILITY(false, "annualised decimal fraction"),
    MAX_DRAWDOWN(false, "decimal fraction, positive, 0.14 = 14%"),
    MAX_DRAWDOWN_DURATION(true, "days"),
    TRADES_PER_YEAR(false, "trades per year"),
    TRADES_PER_MONTH(false, "trades per month"),
    TRADES_PER_WEEK(false, "trades per week"),
    WIN_RATE(false, Unit.ZERO_TO_ONE),
    CURRENT_WIN_RATE(false, Unit.ZERO_TO_ONE),
    WIN_LOSS_RATIO(false, "ratio, +inf without losses"),
    CURRENT_WIN_LOSS_RATIO(false, "ratio, +inf without losses"),
    NUMBER_OF_TRADES(true, Unit.COUNT),
    NUMBER_OF_TRADES_CLOSED(true, Unit.COUNT),
    CUMULATIVE_EXPOSURE(false, "ratio of window time, can exceed 1"),
    EXPOSURE_RATIO(false, Unit.ZERO_TO_ONE),
    NUMBER_OF_WINDOWS(true, Unit.COUNT),
    NUMBER_OF_PROFITABLE_WINDOWS(true, Unit.COUNT),
    NUMBER_OF_WINDOWS_WITH_TRADES(true, Unit.COUNT),
    AVERAGE_TRADE_DURATION(false, "hours"),
    AVERAGE_WIN_DURATION(false, "hours"),
    AVERAGE_LOSS_DURATION(false, "hours"),
    VAR_95(false, "decimal fraction, monthly return, <= 0 typically"),
    CVAR_95(false, "decimal fraction, monthly return"),
    MAX_CONSECUTIVE_WINS(true, Unit.COUNT),
    MAX_CONSECUTIVE_LOSSES(true, Unit.COUNT),
    RETURN_CONSISTENCY(false, Unit.SCORE),
    WIN_RATE_CONSISTENCY(false, Unit.SCORE),
    SHARPE_CONSISTENCY(false, Unit.SCORE),
    CONSISTENCY_SCORE(false, Unit.SCORE),
    RETURN_STABILITY(false, Unit.SCORE),
    WIN_RATE_STABILITY(false, Unit.SCORE),
    SHARPE_STABILITY(false, Unit.SCORE),
    STABILITY_SCORE(false, Unit.SCORE);

    /** Prefix of the index columns. */
    public static final String COLUMN_PREFIX = "summary_";

    /** Shared wordings of the reference's unit conventions. */
    private static final class Unit {
        static final String CURRENCY = "currency units";
        static final String FRACTION = "decimal fraction, 0.10 = 10%";
        static final String ZERO_TO_ONE = "0..1 decimal";
        static final String ANNUALISED_RATIO = "annualised ratio";
        static final String COUNT = "count";
        static final String SCORE = "0..1 score";
    }

    /*
     * Dataclass declaration order = SQLite physical column order: the
     * average_net_gain/average_growth pairs come before average_loss, and var_95/cvar_95 come
     * before the three duration fields.
     */
    private static final List<SummaryField> DECLARATION_ORDER = List.of(
            TOTAL_NET_GAIN, TOTAL_NET_GAIN_PERCENTAGE, TOTAL_GROWTH, TOTAL_GROWTH_PERCENTAGE,
            TOTAL_LOSS, TOTAL_LOSS_PERCENTAGE,
            AVERAGE_NET_GAIN, AVERAGE_NET_GAIN_PERCENTAGE, AVERAGE_GROWTH, AVERAGE_GROWTH_PERCENTAGE,
            AVERAGE_LOSS, AVERAGE_LOSS_PERCENTAGE,
            AVERAGE_TRADE_RETURN, AVERAGE_TRADE_RETURN_PERCENTAGE, AVERAGE_TRADE_LOSS,
            AVERAGE_TRADE_LOSS_PERCENTAGE, AVERAGE_TRADE_GAIN, AVERAGE_TRADE_GAIN_PERCENTAGE,
            CAGR, SHARPE_RATIO, SORTINO_RATIO, CALMAR_RATIO, PROFIT_FACTOR, ANNUAL_VOLATILITY,
            MAX_DRAWDOWN, MAX_DRAWDOWN_DURATION, TRADES_PER_YEAR, TRADES_PER_MONTH, TRADES_PER_WEEK,
            WIN_RATE, CURRENT_WIN_RATE, WIN_LOSS_RATIO, CURRENT_WIN_LOSS_RATIO,
            NUMBER_OF_TRADES, NUMBER_OF_TRADES_CLOSED, CUMULATIVE_EXPOSURE, EXPOSURE_RATIO,
            NUMBER_OF_WINDOWS, NUMBER_OF_PROFITABLE_WINDOWS, NUMBER_OF_WINDOWS_WITH_TRADES,
            VAR_95, CVAR_95,
            AVERAGE_TRADE_DURATION, AVERAGE_WIN_DURATION, AVERAGE_LOSS_DURATION,
            MAX_CONSECUTIVE_WINS, MAX_CONSECUTIVE_LOSSES,
            RETURN_CONSISTENCY, WIN_RATE_CONSISTENCY, SHARPE_CONSISTENCY, CONSISTENCY_SCORE,
            RETURN_STABILITY, WIN_RATE_STABILITY, SHARPE_STABILITY, STABILITY_SCORE);

    private static final Map<String, SummaryField> BY_NAME;

    static {
        Map<String, SummaryField> byName = new HashMap<>();
        for (SummaryField field : values()) {
            byName.put(field.key, field);
            byName.put(field.column, field);
        }
        BY_NAME = Collections.unmodifiableMap(byName);
    }

    private final String key;
    private final String column;
    private final boolean integer;
    private final String unit;

    SummaryField(boolean integer, String unit) {
        this.key = name().toLowerCase(Locale.ROOT);
        this.column = COLUMN_PREFIX + key;
        this.integer = integer;
        this.unit = unit;
    }

    /** The snake_case key inside a bundle's summary map, e.g. {@code sharpe_ratio}. */
    public String key() {
        return key;
    }

    /** The index column, {@code summary_<key>}. */
    public String column() {
        return column;
    }

    /** True for the 8 fields annotated {@code int}: their index column is INTEGER, else REAL. */
    public boolean isInteger() {
        return integer;
    }

    /** Short description of the field's unit convention, e.g. "0..1 decimal" or "hours". */
    public String unit() {
        return unit;
    }

    /** The fields in dataclass declaration order, which is the SQLite column order. */
    public static List<SummaryField> declarationOrder() {
        return DECLARATION_ORDER;
    }

    /** Looks a field up by its bare key ({@code sharpe_ratio}) or column ({@code summary_sharpe_ratio}). */
    public static Optional<SummaryField> byKey(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }
}
