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

    /** A v2 backtest, series extracted into blobs. */
    public Backtest build() {
        return Backtest.of(Bundle.of(2, BacktestDocuments.toV2Envelope(toBacktestDict(), ohlcvManifest, false)));
    }
}
