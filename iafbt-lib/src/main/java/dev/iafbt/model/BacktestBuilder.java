package dev.iafbt.model;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.internal.chunk.ChunkNames;
import java.util.Map;

/**
 * Builds a new backtest in memory; {@link #build()} gives a v2 bundle with the series extracted
 * to Parquet blobs, ready to {@link Backtest#save}. The summary is stored as given (the reference
 * does not recompute it on a bundle save either).
 *
 * <pre>{@code
 * Backtest bt = Backtest.builder("momentum_v1").tag("sweep-1").parameter("fast", 9)
 *         .run(RunBuilder.window(start, end).snapshot(start, 1000).snapshot(end, 1100))
 *         .summary(SummaryField.SHARPE_RATIO, 1.4)
 *         .build();
 * bt.save(Path.of("results"));   // results/momentum_v1.iafbt
 * }</pre>
 */
public final class BacktestBuilder {
    private final String algorithmId;
    private String tag;
    private Object engineType;
    private Object riskFreeRate;
    private final DocMap metadata = new DocMap();
    private final DocList strategyIds = new DocList();
    private final DocMap parameters = new DocMap();
    private final DocList runs = new DocList();
    private DocMap summary;
    private DocMap ohlcvManifest;
    private Double computeRate;

    BacktestBuilder(String algorithmId) {
        this.algorithmId = algorithmId;
    }

    public BacktestBuilder tag(String tag) {
        this.tag = tag;
        return this;
    }

    public BacktestBuilder engineType(EngineType engine) {
        this.engineType = engine.value();
        return this;
    }

    public BacktestBuilder riskFreeRate(double rate) {
        this.riskFreeRate = rate;
        return this;
    }

    public BacktestBuilder metadata(String key, Object value) {
        metadata.put(key, Values.normalize(value));
        return this;
    }

    public BacktestBuilder strategyId(Object id) {
        strategyIds.add(Values.normalize(id));
        return this;
    }

    public BacktestBuilder parameter(String name, Object value) {
        parameters.put(name, Values.normalize(value));
        return this;
    }

    public BacktestBuilder parameters(Map<String, ?> values) {
        values.forEach(this::parameter);
        return this;
    }

    public BacktestBuilder run(RunBuilder run) {
        runs.add(run.build());
        return this;
    }

    /** Sets one summary metric; the other 54 stay nil unless set too. */
    public BacktestBuilder summary(SummaryField field, Number value) {
        if (summary == null) {
            summary = DocumentSkeletons.summary();
        }
        summary.put(field.key(), Values.normalize(value));
        return this;
    }

    public BacktestBuilder summary(Map<SummaryField, ? extends Number> values) {
        values.forEach(this::summary);
        return this;
    }

    /**
     * Refers to an OHLCV frame already in a side store ({@code OhlcvStore.put} returns its name),
     * under {@code key} such as {@code "BTC/EUR@1h"}; the store is the folder {@code ohlcv} next to
     * the bundle, as the reference lays it out.
     *
     * @throws IllegalArgumentException when the key is null or the name is not a chunk name
     */
    public BacktestBuilder ohlcv(String key, String chunkName) {
        if (key == null) {
            throw new IllegalArgumentException("OHLCV data-set key is null (chunk '" + chunkName + "')");
        }
        if (!ChunkNames.isValid(chunkName)) {
            throw new IllegalArgumentException("OHLCV data set '" + key + "': '" + chunkName
                    + "' is not a valid OHLCV chunk name (" + ChunkNames.EXPECTED + ")");
        }
        if (ohlcvManifest == null) {
            ohlcvManifest = new DocMap(2).with("store_dir", ChunkNames.DEFAULT_STORE_DIR).with("manifest", new DocMap());
        }
        ((DocMap) ohlcvManifest.get("manifest")).put(key, chunkName);
        return this;
    }

    /** The flat {@code Backtest.to_dict()} map. */
    DocMap toBacktestDict() {
        return new DocMap(10)
                .with("backtest_runs", runs.isEmpty() ? null : runs)
                .with("backtest_summary", summary)
                .with("backtest_permutation_tests", null)
                .with("metadata", metadata)
                .with("risk_free_rate", riskFreeRate)
                .with("strategy_ids", strategyIds)
                .with("algorithm_id", algorithmId)
                .with("parameters", parameters)
                .with("tag", tag)
                .with("engine_type", engineType);
    }

    /**
     * Computes every run's metrics and series and the summary from the runs' snapshots and trades
     * at {@code riskFreeRate} (an annual decimal, 0.027 = 2.7%) when the backtest is built, as the
     * reference does for its own backtests; metrics set on runs and a summary set here are replaced.
     * The rate is also stored as the backtest's {@code risk_free_rate}, so a later recompute (which
     * defaults to the stored rate) gives the same numbers. There is deliberately no default: the
     * reference's runners assume 0.027, its recalculation 0.0, and a Sharpe ratio means little
     * without knowing which.
     */
    public BacktestBuilder computeMetrics(double riskFreeRate) {
        this.computeRate = riskFreeRate;
        this.riskFreeRate = riskFreeRate;
        return this;
    }

    /**
     * A v2 backtest, series extracted into blobs.
     *
     * @throws IncompleteBacktestException when an order, trade, snapshot or run's metrics lacks
     *                                     a value the Python reference needs to keep it
     */
    public Backtest build() {
        ReferenceRequirements.check(algorithmId, runs);
        Backtest built = Backtest.of(Bundle.of(2, BacktestDocuments.toV2Envelope(toBacktestDict(), ohlcvManifest, false)));
        return computeRate == null ? built : built.recompute(computeRate);
    }
}
