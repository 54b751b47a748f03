package dev.iafbt.store;

import dev.iafbt.parquet.NullableColumn.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three Tier-2 analytics datasets of a tiered store, with the reference's column names in
 * its order ({@code services/backtest_store/decompose.py}: each record's {@code to_dict()} keys
 * plus {@code window_name}; {@code run_id} lives only in the partition folder name).
 *
 * <p>Unlike the reference, whose pandas/pyarrow writer infers every partition's types from its
 * data (so an all-None column becomes {@code null} in one run and {@code string} in the next,
 * and the store no longer scans as one dataset), each dataset has one fixed schema: the
 * reference's type wherever its values have a single non-null type, {@code double} for numbers
 * that may be int or float, and {@code string} for identifiers that may be int or text and for
 * nested values (maps and lists as JSON text, where the reference writes Python's repr).
 */
public enum Tier2Dataset {
    PORTFOLIO_SNAPSHOTS("portfolio_snapshots", columns(
            "metadata", Kind.STRING, "portfolio_id", Kind.STRING, "trading_symbol", Kind.STRING,
            "pending_value", Kind.DOUBLE, "unallocated", Kind.DOUBLE, "total_net_gain", Kind.DOUBLE,
            "total_revenue", Kind.DOUBLE, "total_cost", Kind.DOUBLE, "cash_flow", Kind.DOUBLE,
            "net_size", Kind.DOUBLE, "created_at", Kind.STRING, "total_value", Kind.DOUBLE)),
    TRADES("trades", columns(
            "id", Kind.STRING, "orders", Kind.STRING, "target_symbol", Kind.STRING, "trading_symbol", Kind.STRING,
            "status", Kind.STRING, "amount", Kind.DOUBLE, "remaining", Kind.DOUBLE, "open_price", Kind.DOUBLE,
            "last_reported_price", Kind.DOUBLE, "opened_at", Kind.STRING, "closed_at", Kind.STRING,
            "updated_at", Kind.STRING, "net_gain", Kind.DOUBLE, "cost", Kind.DOUBLE, "stop_losses", Kind.STRING,
            "take_profits", Kind.STRING, "filled_amount", Kind.DOUBLE, "available_amount", Kind.DOUBLE,
            "metadata", Kind.STRING)),
    ORDERS("orders", columns(
            "id", Kind.STRING, "external_id", Kind.STRING, "target_symbol", Kind.STRING,
            "trading_symbol", Kind.STRING, "order_side", Kind.STRING, "order_type", Kind.STRING,
            "status", Kind.STRING, "price", Kind.DOUBLE, "amount", Kind.DOUBLE, "created_at", Kind.STRING,
            "updated_at", Kind.STRING, "cost", Kind.DOUBLE, "filled", Kind.DOUBLE, "remaining", Kind.DOUBLE,
            "order_fee_currency", Kind.STRING, "order_fee_rate", Kind.DOUBLE, "order_fee", Kind.DOUBLE,
            "slippage", Kind.DOUBLE, "stop_price", Kind.DOUBLE, "triggered_at", Kind.STRING,
            "metadata", Kind.STRING));

    /** The column every dataset ends with: the run's window name. */
    public static final String WINDOW_NAME = "window_name";

    private final String folderName;
    private final Map<String, Kind> columns;

    Tier2Dataset(String folderName, Map<String, Kind> recordColumns) {
        this.folderName = folderName;
        Map<String, Kind> all = new LinkedHashMap<>(recordColumns);
        all.put(WINDOW_NAME, Kind.STRING);
        this.columns = Collections.unmodifiableMap(all);
    }

    /** The folder under {@code parquet/}, as the reference names it. */
    public String folderName() {
        return folderName;
    }

    /** Column name to type, in file order (window_name last). */
    public Map<String, Kind> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return new ArrayList<>(columns.keySet());
    }

    private static Map<String, Kind> columns(Object... pairs) {
        Map<String, Kind> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Kind) pairs[i + 1]);
        }
        return map;
    }
}
