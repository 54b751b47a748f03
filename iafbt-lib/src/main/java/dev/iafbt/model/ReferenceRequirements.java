package dev.iafbt.model;

import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import java.util.ArrayList;
import java.util.List;

/**
 * What the reference's readers need of a built run, checked at {@link BacktestBuilder#build()}.
 * In its {@code domain/models}, {@code Order.from_dict} raises on a nil {@code target_symbol},
 * {@code trading_symbol}, {@code order_side}, {@code order_type} or {@code status} and the order
 * (inside a trade, the whole trade) is dropped with a log line; {@code Trade.from_dict} raises on
 * a nil {@code status}; {@code PortfolioSnapshot.from_dict} on an empty {@code created_at}; and
 * {@code BacktestMetrics.from_dict} needs both window dates.
 */
final class ReferenceRequirements {
    private static final String[] ORDER_KEYS = {"target_symbol", "trading_symbol", "order_side", "order_type", "status"};

    private ReferenceRequirements() {
    }

    static void check(String algorithmId, DocList runs) {
        for (int r = 0; r < runs.size(); r++) {
            DocMap run = (DocMap) runs.get(r);
            String at = "backtest_runs[" + r + "]";
            DocList trades = listOf(run, "trades");
            for (int t = 0; t < trades.size(); t++) {
                DocMap trade = (DocMap) trades.get(t);
                String tradeAt = at + ".trades[" + t + "]";
                require(algorithmId, tradeAt, trade, "the trade", "status");
                DocList orders = listOf(trade, "orders");
                for (int o = 0; o < orders.size(); o++) {
                    require(algorithmId, tradeAt + ".orders[" + o + "]", (DocMap) orders.get(o),
                            "the order and the trade that holds it", ORDER_KEYS);
                }
            }
            DocList orders = listOf(run, "orders");
            for (int o = 0; o < orders.size(); o++) {
                require(algorithmId, at + ".orders[" + o + "]", (DocMap) orders.get(o), "the order", ORDER_KEYS);
            }
            DocList snapshots = listOf(run, "portfolio_snapshots");
            for (int s = 0; s < snapshots.size(); s++) {
                require(algorithmId, at + ".portfolio_snapshots[" + s + "]", (DocMap) snapshots.get(s),
                        "the snapshot", "created_at");
            }
            if (run.get("backtest_metrics") instanceof DocMap metrics) {
                require(algorithmId, at + ".backtest_metrics", metrics, "the whole backtest",
                        "backtest_start_date", "backtest_end_date");
            }
        }
    }

    private static DocList listOf(DocMap map, String key) {
        return map.get(key) instanceof DocList list ? list : new DocList(0);
    }

    private static void require(String algorithmId, String at, DocMap element, String dropped, String... keys) {
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            Object value = element.get(key);
            if (value == null || "".equals(value)) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            Object id = element.get("id");
            throw new IncompleteBacktestException("backtest '" + algorithmId + "': " + at
                    + (id == null ? "" : " (id " + id + ")") + " has no " + String.join(", ", missing)
                    + "; the Python reference drops " + dropped + " when reading such a bundle, so set "
                    + (missing.size() == 1 ? "it" : "them") + " before build()");
        }
    }
}
