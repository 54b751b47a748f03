package dev.iafbt.model;

import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;

/**
 * Document skeletons: fresh maps in the reference's {@code to_dict()} key order with its defaults,
 * so that a bundle built from Java has exactly the keys, order and value kinds the reference
 * writes. Each call returns new mutable maps.
 */
final class DocumentSkeletons {
    private DocumentSkeletons() {
    }

    static DocMap run() {
        return new DocMap(23)
                .with("backtest_metrics", null)
                .with("backtest_start_date", null)
                .with("backtest_date_range_name", null)
                .with("backtest_end_date", null)
                .with("trading_symbol", "USD")
                .with("initial_unallocated", 0.0)
                .with("number_of_runs", 1L)
                .with("portfolio_snapshots", new DocList())
                .with("trades", new DocList())
                .with("orders", new DocList())
                .with("positions", new DocList())
                .with("created_at", null)
                .with("symbols", new DocList())
                .with("number_of_days", 0L)
                .with("number_of_trades", 0L)
                .with("number_of_trades_closed", 0L)
                .with("number_of_trades_open", 0L)
                .with("number_of_orders", 0L)
                .with("number_of_positions", 0L)
                .with("metadata", new DocMap())
                .with("signals", new DocMap())
                .with("signal_events", new DocList())
                .with("recorded_values", new DocMap());
    }

    /** The 77 per-run metric keys. */
    static DocMap metrics() {
        DocMap m = new DocMap(77)
                .with("backtest_start_date", null)
                .with("backtest_end_date", null)
                .with("backtest_date_range_name", "")
                .with("trading_symbol", "")
                .with("initial_unallocated", 0.0)
                .with("equity_curve", new DocList())
                .with("final_value", 0.0);
        zeros(m, "total_net_gain", "total_net_gain_percentage", "total_growth", "total_growth_percentage",
                "total_loss", "total_loss_percentage", "cumulative_return");
        m.put("cumulative_return_series", new DocList());
        zeros(m, "cagr", "sharpe_ratio");
        m.put("rolling_sharpe_ratio", new DocList());
        zeros(m, "sortino_ratio", "calmar_ratio", "profit_factor", "annual_volatility");
        m.put("monthly_returns", new DocList());
        m.put("yearly_returns", new DocList());
        m.put("drawdown_series", new DocList());
        zeros(m, "max_drawdown", "max_drawdown_absolute", "max_daily_drawdown");
        m.put("max_drawdown_duration", 0L);
        m.put("twr_equity_curve", new DocList());
        m.put("twr_drawdown_series", new DocList());
        m.put("twr_max_drawdown", 0.0);
        m.put("twr_max_drawdown_duration", 0L);
        zeros(m, "trades_per_year", "trades_per_week", "trades_per_month", "trade_per_day", "exposure_ratio",
                "cumulative_exposure", "average_trade_gain", "average_trade_gain_percentage", "average_trade_loss",
                "average_trade_loss_percentage", "average_trade_return", "average_trade_return_percentage",
                "median_trade_return", "median_trade_return_percentage");
        m.put("number_of_positive_trades", DocList.of(0L, 0.0));
        m.put("percentage_positive_trades", 0.0);
        m.put("number_of_negative_trades", DocList.of(0L, 0.0));
        m.put("percentage_negative_trades", 0.0);
        m.put("best_trade", null);
        m.put("worst_trade", null);
        zeros(m, "average_trade_duration", "average_win_duration", "average_loss_duration", "average_trade_size");
        m.put("number_of_trades", 0L);
        m.put("number_of_trades_closed", 0L);
        m.put("number_of_trades_opened", 0L);
        zeros(m, "win_rate", "current_win_rate", "win_loss_ratio", "current_win_loss_ratio",
                "percentage_winning_months", "percentage_winning_years", "average_monthly_return",
                "average_monthly_return_losing_months", "average_monthly_return_winning_months");
        m.put("best_month", DocList.of(0.0, null));
        m.put("best_year", DocList.of(null, null));
        m.put("worst_month", DocList.of(0.0, null));
        m.put("worst_year", DocList.of(null, null));
        zeros(m, "var_95", "cvar_95");
        m.put("max_consecutive_wins", 0L);
        m.put("max_consecutive_losses", 0L);
        return m;
    }

    /** The 55 summary keys in to_dict order, all nil until set. */
    static DocMap summary() {
        DocMap m = new DocMap(55);
        for (SummaryField field : SummaryField.values()) {
            m.put(field.key(), null);
        }
        return m;
    }

    static DocMap snapshot() {
        DocMap m = new DocMap(12).with("metadata", new DocMap()).with("portfolio_id", "").with("trading_symbol", "");
        zeros(m, "pending_value", "unallocated", "total_net_gain", "total_revenue", "total_cost", "cash_flow",
                "net_size");
        return m.with("created_at", "").with("total_value", 0.0);
    }

    static DocMap trade() {
        return new DocMap(19)
                .with("id", null)
                .with("orders", new DocList())
                .with("target_symbol", "")
                .with("trading_symbol", "")
                .with("status", "OPEN")
                .with("amount", 0.0)
                .with("remaining", 0.0)
                .with("open_price", 0.0)
                .with("last_reported_price", null)
                .with("opened_at", null)
                .with("closed_at", null)
                .with("updated_at", null)
                .with("net_gain", 0.0)
                .with("cost", 0.0)
                .with("stop_losses", null)
                .with("take_profits", null)
                .with("filled_amount", 0.0)
                .with("available_amount", 0.0)
                .with("metadata", new DocMap());
    }

    static DocMap order() {
        DocMap m = new DocMap(21);
        for (String key : new String[] {"id", "external_id", "target_symbol", "trading_symbol", "order_side",
            "order_type", "status", "price", "amount", "created_at", "updated_at", "cost", "filled", "remaining",
            "order_fee_currency", "order_fee_rate", "order_fee", "slippage", "stop_price", "triggered_at"}) {
            m.put(key, null);
        }
        return m.with("amount", 0.0).with("metadata", new DocMap());
    }

    static DocMap position() {
        return new DocMap(4).with("symbol", "").with("amount", 0.0).with("cost", 0.0).with("portfolio_id", null);
    }

    private static void zeros(DocMap map, String... keys) {
        for (String key : keys) {
            map.put(key, 0.0);
        }
    }
}
