package dev.iafbt.model;

import dev.iafbt.bundle.RawMsgpack;
import dev.iafbt.internal.bundle.IsoDateTimes;
import dev.iafbt.internal.bundle.MsgpackDecoder;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The snapshot columns the metrics read (UTC epoch µs, total value, cash flow), in stored order;
 * snapshots without a time are dropped, as the reference drops them when it loads a run, and a nil
 * value or cash flow reads as 0, as its snapshot constructor does.
 * <p>
 * When the run's snapshots are still undecoded (a bundle opened for a tear sheet or summary-only),
 * only those three entries of each snapshot are decoded ({@link MsgpackDecoder#decodeFields}), and
 * the list stays undecoded; otherwise the decoded snapshots are read through their views. Both give
 * the same columns and the same errors.
 */
record SnapshotColumns(long[] micros, double[] values, double[] flows) {
    private static final String KEY = "portfolio_snapshots";
    private static final String[] FIELDS = {"created_at", "total_value", "cash_flow"};

    static SnapshotColumns of(BacktestRun run) {
        RawMsgpack raw = DocView.undecodedList(run.map.get(KEY));
        if (raw != null) {
            // the same bytes give the same columns: read once per bundle (the arrays are never written)
            return run.snapshotColumns.computeIfAbsent(raw, r -> undecoded(run, r));
        }
        return decoded(run.portfolioSnapshots());
    }

    private static SnapshotColumns undecoded(BacktestRun run, RawMsgpack raw) {
        Builder out = new Builder(raw.elementCount());
        MsgpackDecoder.decodeFields(raw, run.file(), FIELDS, (index, v) -> {
            Instant at = IsoDateTimes.parseOrNull(v[0]);
            if (at != null) {
                out.add(at, DocNumbers.toDouble(v[1], () -> located(run, index, FIELDS[1])),
                        DocNumbers.toDouble(v[2], () -> located(run, index, FIELDS[2])));
            }
        });
        return out.build();
    }

    /** As a snapshot view names its values in errors; built only for an error. */
    private static String located(BacktestRun run, int index, String field) {
        return run.file() + ": " + run.where(KEY) + "[" + index + "]." + field;
    }

    private static SnapshotColumns decoded(List<PortfolioSnapshot> snapshots) {
        Builder out = new Builder(snapshots.size());
        for (PortfolioSnapshot snapshot : snapshots) {
            Instant at = snapshot.createdAt();
            if (at != null) {
                out.add(at, snapshot.doubleOrNull(FIELDS[1]), snapshot.doubleOrNull(FIELDS[2]));
            }
        }
        return out.build();
    }

    private static final class Builder {
        private final long[] micros;
        private final double[] values;
        private final double[] flows;
        private int kept;

        Builder(int capacity) {
            micros = new long[capacity];
            values = new double[capacity];
            flows = new double[capacity];
        }

        void add(Instant at, Double value, Double flow) {
            micros[kept] = MetricInputs.toMicros(at);
            values[kept] = value == null ? 0.0 : value;
            flows[kept] = flow == null ? 0.0 : flow;
            kept++;
        }

        SnapshotColumns build() {
            return new SnapshotColumns(Arrays.copyOf(micros, kept), Arrays.copyOf(values, kept), Arrays.copyOf(flows, kept));
        }
    }
}
