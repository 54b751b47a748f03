package dev.iafbt.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
            "metadata", ColumnType.STRING, "portfolio_id", ColumnType.STRING, "trading_symbol", ColumnType.STRING,
            "pending_value", ColumnType.DOUBLE, "unallocated", ColumnType.DOUBLE, "total_net_gain", ColumnType.DOUBLE,
            "total_revenue", ColumnType.DOUBLE, "total_cost", ColumnType.DOUBLE, "cash_flow", ColumnType.DOUBLE,
            "net_size", ColumnType.DOUBLE, "created_at", ColumnType.STRING, "total_value", ColumnType.DOUBLE)),
    TRADES("trades", columns(
            "id", ColumnType.STRING, "orders", ColumnType.STRING, "target_symbol", ColumnType.STRING, "trading_symbol", ColumnType.STRING,
            "status", ColumnType.STRING, "amount", ColumnType.DOUBLE, "remaining", ColumnType.DOUBLE, "open_price", ColumnType.DOUBLE,
            "last_reported_price", ColumnType.DOUBLE, "opened_at", ColumnType.STRING, "closed_at", ColumnType.STRING,
            "updated_at", ColumnType.STRING, "net_gain", ColumnType.DOUBLE, "cost", ColumnType.DOUBLE, "stop_losses", ColumnType.STRING,
            "take_profits", ColumnType.STRING, "filled_amount", ColumnType.DOUBLE, "available_amount", ColumnType.DOUBLE,
            "metadata", ColumnType.STRING)),
    ORDERS("orders", columns(
            "id", ColumnType.STRING, "external_id", ColumnType.STRING, "target_symbol", ColumnType.STRING,
            "trading_symbol", ColumnType.STRING, "order_side", ColumnType.STRING, "order_type", ColumnType.STRING,
            "status", ColumnType.STRING, "price", ColumnType.DOUBLE, "amount", ColumnType.DOUBLE, "created_at", ColumnType.STRING,
            "updated_at", ColumnType.STRING, "cost", ColumnType.DOUBLE, "filled", ColumnType.DOUBLE, "remaining", ColumnType.DOUBLE,
            "order_fee_currency", ColumnType.STRING, "order_fee_rate", ColumnType.DOUBLE, "order_fee", ColumnType.DOUBLE,
            "slippage", ColumnType.DOUBLE, "stop_price", ColumnType.DOUBLE, "triggered_at", ColumnType.STRING,
            "metadata", ColumnType.STRING));

    /** The type of a Tier-2 column: Parquet and Arrow types, as every reader sees them. */
    public enum ColumnType {
        /** UTF-8 text: Parquet BINARY (STRING), Arrow {@code string}, DuckDB {@code VARCHAR}. */
        STRING,
        /** Parquet DOUBLE, Arrow {@code double}, DuckDB {@code DOUBLE}. */
        DOUBLE
    }

    /** The column every dataset ends with: the run's window name. */
    public static final String WINDOW_NAME = "window_name";

    private final String folderName;
    private final Map<String, ColumnType> columns;

    Tier2Dataset(String folderName, Map<String, ColumnType> recordColumns) {
        this.folderName = folderName;
        Map<String, ColumnType> all = new LinkedHashMap<>(recordColumns);
        all.put(WINDOW_NAME, ColumnType.STRING);
        this.columns = Collections.unmodifiableMap(all);
    }

    /** The folder under {@code parquet/}, as the reference names it. */
    public String folderName() {
        return folderName;
    }

    /** The dataset stored in {@code parquet/<folderName>/}. */
    public static Optional<Tier2Dataset> fromFolderName(String folderName) {
        for (Tier2Dataset dataset : values()) {
            if (dataset.folderName.equals(folderName)) {
                return Optional.of(dataset);
            }
        }
        return Optional.empty();
    }

    /** Column name to type, in file order (window_name last). */
    public Map<String, ColumnType> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return new ArrayList<>(columns.keySet());
    }

    private static Map<String, ColumnType> columns(Object... pairs) {
        Map<String, ColumnType> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (ColumnType) pairs[i + 1]);
        }
        return map;
    }
}
