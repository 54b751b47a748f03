package dev.iafbt.rank;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The reference's {@code BacktestEvaluationFocus} presets with their weights, exactly
 *. Negative weights penalise high values. The four metrics that are not
 * summary fields ({@code percentage_positive_trades}, {@code percentage_negative_trades},
 * {@code percentage_winning_months}, {@code average_monthly_return}) are kept so the presets read
 * as in the reference, but they never contribute: the index has no such column.
 *
 * <p>{@link #parse} accepts any case, which the reference's string lookup fails to do
 * ({@code from_string} compares an upper-cased value with lower-case ones).
 */
public enum EvaluationFocus {
    BALANCED("balanced", new Object[] {
        "total_net_gain_percentage", 2.0, "cagr", 1.5, "average_trade_return_percentage", 1.0,
        "sharpe_ratio", 2.0, "sortino_ratio", 1.5, "calmar_ratio", 1.0, "profit_factor", 1.5,
        "max_drawdown", -1.5, "max_drawdown_duration", -0.5, "annual_volatility", -0.8,
        "win_rate", 1.5, "win_loss_ratio", 1.0, "number_of_trades", 0.8, "exposure_ratio", 0.5,
        "trades_per_year", 0.3, "consistency_score", 1.5, "stability_score", 1.5}),
    PROFIT("profit", new Object[] {
        "total_net_gain_percentage", 3.0, "total_net_gain", 2.0, "cagr", 2.5,
        "average_trade_return_percentage", 1.5, "average_trade_gain_percentage", 1.0,
        "sharpe_ratio", 1.0, "profit_factor", 2.0, "max_drawdown", -1.0, "win_rate", 2.0,
        "number_of_trades", 0.5, "consistency_score", 1.0, "stability_score", 1.0,
        "percentage_positive_trades", 1.0, "percentage_winning_months", 0.8,
        "average_monthly_return", 1.0}),
    FREQUENCY("frequency", new Object[] {
        "total_net_gain_percentage", 1.5, "average_trade_return_percentage", 2.0,
        "average_trade_duration", -0.3, "sharpe_ratio", 1.0, "profit_factor", 1.2,
        "max_drawdown", -1.5, "win_rate", 2.5, "win_loss_ratio", 1.5, "number_of_trades", 3.0,
        "exposure_ratio", 2.0, "trades_per_year", 2.5, "consistency_score", 1.0,
        "stability_score", 1.0, "percentage_positive_trades", 1.0}),
    RISK_ADJUSTED("risk_adjusted", new Object[] {
        "total_net_gain_percentage", 1.0, "average_trade_return_percentage", 1.5,
        "average_trade_loss_percentage", -1.0, "sharpe_ratio", 3.0, "sortino_ratio", 2.5,
        "calmar_ratio", 2.0, "profit_factor", 1.8, "max_drawdown", -3.0,
        "max_drawdown_duration", -1.5, "annual_volatility", -2.0, "win_rate", 2.0,
        "win_loss_ratio", 1.5, "number_of_trades", 0.5, "consistency_score", 2.5,
        "stability_score", 2.5, "percentage_negative_trades", -1.0,
        "percentage_winning_months", 1.5});

    private final String value;
    private final Map<String, Double> weights;

    EvaluationFocus(String value, Object[] pairs) {
        this.value = value;
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        this.weights = Collections.unmodifiableMap(map);
    }

    /** The reference's enum value, e.g. {@code risk_adjusted}. */
    public String value() {
        return value;
    }

    /** The preset weights by bare metric name, in the reference's order. */
    public Map<String, Double> weights() {
        return weights;
    }

    /** Looks a focus up by name or value in any case; {@code -} and spaces count as {@code _}. */
    public static EvaluationFocus parse(String name) {
        String normalised = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (EvaluationFocus focus : values()) {
            if (focus.value.equals(normalised)) {
                return focus;
            }
        }
        throw new QueryException("unknown evaluation focus '" + name + "'; use one of "
                + Arrays.stream(values()).map(EvaluationFocus::value).collect(Collectors.joining(", ")));
    }
}
