package dev.iafbt.store;

import dev.iafbt.internal.json.PythonJson;
import dev.iafbt.internal.io.AtomicFiles;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.BacktestRun;
import dev.iafbt.internal.parquet.NullableColumn;
import dev.iafbt.internal.parquet.NullableColumnsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a backtest's Tier-2 partitions, {@code <parquet>/<dataset>/run_id=<handle>/part-0.parquet},
 * one file per dataset with rows from every run in order, as the reference's
 * {@code _write_parquet_sidecars} does. A dataset without rows gets no partition (an old one is
 * removed). The cells are the values stored in the bundle (they are the reference's
 * {@code to_dict()} records), converted to the dataset's fixed column types.
 */
final class Tier2Writer {
    /** Arrow's default ZSTD level, which the reference's {@code pq.write_table(compression="zstd")} gets. */
    private static final int ZSTD_LEVEL = 1;
    static final String PART_FILE = "part-0.parquet";
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private Tier2Writer() {
    }

    /** The partition folder of a handle; handles with {@code /} are percent-encoded into one segment. */
    static Path partitionDir(Path parquetRoot, Tier2Dataset dataset, String handle) {
        return parquetRoot.resolve(dataset.folderName()).resolve("run_id=" + PartitionNames.encode(handle));
    }

    /** The partition file's key below the Tier-2 root, {@code <dataset>/run_id=<handle>/part-0.parquet}. */
    static String partitionKey(Tier2Dataset dataset, String handle) {
        return dataset.folderName() + "/run_id=" + PartitionNames.encode(handle) + "/" + PART_FILE;
    }

    /**
     * Writes a backtest's partitions in place, each atomically (not the three together: a store
     * write stages them and commits through {@link TieredCommit}); for benchmarks and tools.
     */
    static void write(Path parquetRoot, String handle, Backtest backtest) {
        encode(backtest, handle).forEach((dataset, bytes) -> {
            Path file = partitionFile(parquetRoot, dataset, handle);
            if (bytes == null) {
                StoreFiles.deleteTree(file.getParent());
                return;
            }
            try {
                AtomicFiles.write(file, bytes);
            } catch (IOException e) {
                throw new StoreException("cannot write Tier-2 partition " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /** The partition file of a handle in a dataset. */
    static Path partitionFile(Path parquetRoot, Tier2Dataset dataset, String handle) {
        return partitionDir(parquetRoot, dataset, handle).resolve(PART_FILE);
    }

    /** Each dataset's Parquet file, in memory; null for a dataset without rows. */
    static Map<Tier2Dataset, byte[]> encode(Backtest backtest, String handle) {
        List<BacktestRun> runs = backtest.runs();
        Map<Tier2Dataset, byte[]> files = new java.util.EnumMap<>(Tier2Dataset.class);
        files.put(Tier2Dataset.PORTFOLIO_SNAPSHOTS, encode(Tier2Dataset.PORTFOLIO_SNAPSHOTS, handle,
                records(runs, r -> r.portfolioSnapshots().stream().map(s -> (Map<String, Object>) s.raw()).toList())));
        files.put(Tier2Dataset.TRADES, encode(Tier2Dataset.TRADES, handle,
                records(runs, r -> r.trades().stream().map(t -> (Map<String, Object>) t.raw()).toList())));
        files.put(Tier2Dataset.ORDERS, encode(Tier2Dataset.ORDERS, handle,
                records(runs, r -> r.orders().stream().map(o -> (Map<String, Object>) o.raw()).toList())));
        return files;
    }

    /** A record plus the window name of its run. */
    private record Row(Map<String, Object> record, String windowName) {
    }

    private static List<Row> records(List<BacktestRun> runs, Function<BacktestRun, List<Map<String, Object>>> items) {
        List<Row> rows = new ArrayList<>();
        for (BacktestRun run : runs) {
            String window = windowName(run);
            for (Map<String, Object> record : items.apply(run)) {
                rows.add(new Row(record, window));
            }
        }
        return rows;
    }

    /** {@code run.backtest_date_range_name or run.create_directory_name()}. */
    static String windowName(BacktestRun run) {
        String name = run.dateRangeName();
        if (name != null && !name.isEmpty()) {
            return name;
        }
        String symbol = run.tradingSymbol();
        return "backtest_" + (symbol == null ? "None" : symbol) + "_" + day(run.startDate()) + "_" + day(run.endDate());
    }

    private static String day(java.time.Instant instant) {
        return instant == null ? "None" : YYYYMMDD.format(instant);
    }

    private static byte[] encode(Tier2Dataset dataset, String handle, List<Row> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        List<NullableColumn> columns = new ArrayList<>();
        for (Map.Entry<String, Tier2Dataset.ColumnType> column : dataset.columns().entrySet()) {
            boolean isText = column.getValue() == Tier2Dataset.ColumnType.STRING;
            Object[] cells = new Object[rows.size()];
            boolean window = column.getKey().equals(Tier2Dataset.WINDOW_NAME);
            for (int i = 0; i < cells.length; i++) {
                Row row = rows.get(i);
                Object value = window ? row.windowName() : row.record().get(column.getKey());
                cells[i] = isText ? text(value) : number(value);
            }
            columns.add(new NullableColumn(column.getKey(),
                    isText ? NullableColumn.Kind.STRING : NullableColumn.Kind.DOUBLE, cells));
        }
        return NullableColumnsWriter.write(columns, rows.size(), ZSTD_LEVEL,
                "Tier-2 " + dataset.folderName() + " of '" + handle + "'");
    }

    /** Text as stored; other values (numbers, bools, maps, lists) as their JSON text. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : PythonJson.dumps(value);
    }

    /** Numbers as double, bools as 1/0 (as pandas does); anything else has no numeric value. */
    static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        return null;
    }

    static boolean exists(Path parquetRoot, Tier2Dataset dataset, String handle) {
        return Files.isRegularFile(partitionDir(parquetRoot, dataset, handle).resolve(PART_FILE));
    }
}
