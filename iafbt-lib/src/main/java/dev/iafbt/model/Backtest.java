package dev.iafbt.model;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.BundleReader;
import dev.iafbt.bundle.BundleWriter;
import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.bundle.RawMsgpack;
import dev.iafbt.bundle.ReadOptions;
import dev.iafbt.metrics.MetricsException;
import dev.iafbt.metrics.RunMetrics;
import dev.iafbt.metrics.RunMetricsCalculator;
import dev.iafbt.metrics.SummaryMetricsCalculator;
import dev.iafbt.metrics.TimeSeries;
import dev.iafbt.internal.bundle.Docs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A backtest: the typed view of a bundle. It reads v1 documents and v2 envelopes
 * alike, routing v2 runs and summary through the engine slots.
 *
 * <pre>{@code
 * Backtest bt = Backtest.open(Path.of("results/momentum.iafbt"));
 * double sharpe = bt.summary().map(SummaryMetrics::sharpeRatio).orElse(Double.NaN);
 * bt.save(Path.of("copy.iafbt"));                       // byte-identical to the original
 * bt.save(Path.of("legacy.iafbt"), SaveOptions.v1());   // for older readers
 * }</pre>
 */
public final class Backtest extends DocView {
    private final BlobResolver blobs;
    /**
     * The snapshot columns of each run whose snapshots are still undecoded, by their bytes: a tear
     * sheet reads them for its calendar returns and, when the report audits it, again for its
     * metrics audit.
     */
    private final Map<RawMsgpack, SnapshotColumns> snapshotColumns = new ConcurrentHashMap<>();

    private Backtest(Bundle bundle, DocMap holder, String path) {
        super(bundle, holder, path);
        this.blobs = new BlobResolver(bundle);
    }

    /** The typed view of a decoded bundle. */
    public static Backtest of(Bundle bundle) {
        if (bundle.isV2()) {
            return new Backtest(bundle, bundle.document(), "");
        }
        Object inner = bundle.document().get("backtest");
        if (inner == null) {
            inner = new DocMap(); // the reference reads a missing or nil backtest as {}
        }
        if (!(inner instanceof DocMap holder)) {
            throw new ModelShapeException(bundle.sourceName() + ": backtest must be a map, but is "
                    + Docs.kindOf(inner));
        }
        return new Backtest(bundle, holder, "backtest");
    }

    /** Full open: everything decoded, every metric blob decoded once. */
    public static Backtest open(Path path) {
        return open(path, ReadOptions.FULL);
    }

    /**
     * Summary-only open: identity, parameters and the summary are decoded; runs, permutation tests
     * and blobs stay raw until something asks for them. A listing of thousands of bundles reads
     * only what it shows.
     */
    public static Backtest openSummary(Path path) {
        return open(path, ReadOptions.SUMMARY_ONLY);
    }

    /**
     * What an index needs, as cheaply as the file allows: for a v2 bundle written summary-first,
     * only the head of the file is read (the result answers identity, parameters, summary and
     * {@link #numberOfRuns()}, and refuses runs and saving); for any other bundle this is
     * {@link #openSummary}.
     */
    public static Backtest openForIndex(Path path) {
        return BundleReader.readHead(path, ReadOptions.SUMMARY_ONLY).map(Backtest::of)
                .orElseGet(() -> openSummary(path));
    }

    public static Backtest open(Path path, ReadOptions options) {
        Backtest backtest = of(BundleReader.read(path, options));
        if (!options.summaryOnly()) {
            backtest.decodeAllBlobs();
        }
        return backtest;
    }

    public static BacktestBuilder builder(String algorithmId) {
        return new BacktestBuilder(algorithmId);
    }

    public Bundle bundle() {
        return bundle;
    }

    public int formatVersion() {
        return bundle.formatVersion();
    }

    public String algorithmId() {
        return string("algorithm_id");
    }

    public String tag() {
        return string("tag");
    }

    /** The stored {@code engine_type} string, or null; see {@link #engineType()} for routing. */
    public String engineTypeValue() {
        return string("engine_type");
    }

    public EngineType engineType() {
        return EngineType.route(value("engine_type"));
    }

    public Double riskFreeRate() {
        return doubleOrNull("risk_free_rate");
    }

    public Map<String, Object> metadata() {
        return metadataMap("metadata");
    }

    /** Never null: nil and missing read as empty, as in the reference. */
    public DocMap parameters() {
        DocMap parameters = mapOrNull("parameters");
        return parameters == null ? new DocMap() : parameters;
    }

    public List<Object> strategyIds() {
        return list("strategy_ids");
    }

    String runsKey() {
        return bundle.isV2() ? engineType().runsKey() : "backtest_runs";
    }

    String summaryKey() {
        return bundle.isV2() ? engineType().summaryKey() : "backtest_summary";
    }

    /** The number of runs; cheap even after a summary-only open (read from the array header). */
    public int numberOfRuns() {
        Object runs = map.get(runsKey());
        if (runs instanceof RawMsgpack raw) {
            return raw.kind() == RawMsgpack.Kind.ARRAY ? raw.elementCount() : 0;
        }
        return runs instanceof List<?> list ? list.size() : 0;
    }

    public List<BacktestRun> runs() {
        return mapsIn(runsKey(), (b, m, p) -> new BacktestRun(b, m, p, blobs, snapshotColumns));
    }

    /**
     * The deepest stored {@code max_drawdown} of any run, a positive fraction: what a reader of
     * "max drawdown" means. The summary's {@code max_drawdown} is the shallowest run's (a reference
     * quirk kept for parity, see docs/metrics.md). Empty when no run has a stored value.
     */
    public Optional<Double> worstWindowMaxDrawdown() {
        double[] perRun = runs().stream().map(BacktestRun::metrics).filter(m -> m != null && m.maxDrawdown() != null)
                .mapToDouble(BacktestMetrics::maxDrawdown).toArray();
        return perRun.length == 0 ? Optional.empty()
                : Optional.of(SummaryMetricsCalculator.worstWindowMaxDrawdown(perRun));
    }

    /** The stored summary; empty when nil, missing or {} (the reference reads {} as None). */
    public Optional<SummaryMetrics> summary() {
        DocMap summary = mapOrNull(summaryKey());
        return summary == null || summary.isEmpty() ? Optional.empty()
                : Optional.of(new SummaryMetrics(bundle, summary, where(summaryKey())));
    }

    public DocList permutationTests() {
        return list("backtest_permutation_tests");
    }

    /**
     * The raw OHLCV manifest map ({@code {store_dir, manifest}}), when the bundle has one. The
     * validated manifest and the frames it names are {@code OhlcvManifest.of(backtest)} and
     * {@code OhlcvFrames.of(backtest)} in {@code dev.iafbt.ohlcv}, which builds on this package.
     */
    public Optional<DocMap> ohlcvManifestMap() {
        Object ohlcv = bundle.document().get("ohlcv");
        return ohlcv instanceof DocMap m ? Optional.of(m) : Optional.empty();
    }

    /** Writes the bundle (same version unless asked otherwise); returns the file written. */
    public Path save(Path target) {
        return save(target, SaveOptions.DEFAULT);
    }

    public Path save(Path target, SaveOptions options) {
        return BundleWriter.write(toBundle(options), target, algorithmId(), options.write());
    }

    /** The complete file bytes {@link #save} would write. */
    public byte[] toBytes(SaveOptions options) {
        return BundleWriter.encode(toBundle(options), options.write());
    }

    /** The bundle to encode: this one as it is, or converted to the requested layout. */
    Bundle toBundle(SaveOptions options) {
        int version = options.formatVersion() == null ? Math.max(1, bundle.formatVersion())
                : options.formatVersion();
        boolean sameShape = version >= 2 == bundle.isV2();
        if (sameShape && !options.write().summaryFirst()) {
            return version == bundle.formatVersion() ? bundle
                    : new Bundle(version, bundle.document(), bundle.source().orElse(null), false);
        }
        // a version change is what the reference does by reading and saving again
        DocMap flat = BacktestDocuments.toBacktestDict(this, version != bundle.formatVersion());
        DocMap document = version >= 2
                ? BacktestDocuments.toV2Envelope(flat, ohlcvManifestMap().orElse(null), options.write().summaryFirst())
                : BacktestDocuments.toV1Document(flat, ohlcvManifestMap().orElse(null));
        return new Bundle(version, document, bundle.source().orElse(null), false);
    }

    /**
     * The risk-free rate a recompute uses when none is given, as the reference's recalculation:
     * the stored rate, else 0.0.
     */
    public double recomputeRiskFreeRate() {
        Double stored = riskFreeRate();
        return stored == null ? 0.0 : stored;
    }

    /** {@link #recompute(double)} at {@link #recomputeRiskFreeRate()}. */
    public Backtest recompute() {
        return recompute(recomputeRiskFreeRate());
    }

    /**
     * This backtest with every run's metrics and the summary recomputed from its snapshots and
     * trades, as the reference's {@code recalculate_backtests_in_directory} does: a v2 bundle in
     * the engine slot, series as blobs, the summary rebuilt from the fresh metrics. Everything
     * else — runs, trades, orders, parameters, metadata, the stored risk-free rate, permutation
     * tests and the OHLCV manifest (which the reference's recalculation drops by default) — is
     * carried over untouched. This backtest itself is not changed.
     *
     * @throws dev.iafbt.metrics.MetricsException naming the file and run when a run cannot be
     *     computed (no snapshots, a first value of 0), as the reference refuses it too
     */
    public Backtest recompute(double riskFreeRate) {
        DocMap flat = BacktestDocuments.toBacktestDict(this, false);
        DocList runs = new DocList();
        List<RunMetrics> computed = new ArrayList<>();
        List<BacktestRun> typedRuns = runs();
        for (int i = 0; i < typedRuns.size(); i++) {
            BacktestRun run = typedRuns.get(i);
            RunMetrics metrics;
            try {
                metrics = RunMetricsCalculator.compute(run.metricsInput(), riskFreeRate);
            } catch (MetricsException e) {
                throw new MetricsException(bundle.sourceName() + ": run " + i + " ("
                        + run.dateRangeName() + "): " + e.getMessage());
            }
            computed.add(metrics);
            DocMap runCopy = new DocMap(run.raw());
            runCopy.put("backtest_metrics", MetricDocuments.runMetrics(run, metrics));
            runs.add(runCopy);
        }
        flat.put("backtest_runs", runs.isEmpty() ? null : runs);
        flat.put("backtest_summary", computed.isEmpty() ? null
                : MetricDocuments.summary(SummaryMetricsCalculator.compute(computed)));
        DocMap document = BacktestDocuments.toV2Envelope(flat, ohlcvManifestMap().orElse(null), false);
        keepUnchangedBlobs(document, typedRuns, computed);
        Backtest result = of(new Bundle(2, document, bundle.source().orElse(null), false));
        result.decodeAllBlobs();
        return result;
    }

    /**
     * Puts back the stored blob bytes of every series the recompute left unchanged: the reference's
     * Parquet writer and ours encode the same columns differently, and a series that did not change
     * should not change its bytes either.
     */
    private void keepUnchangedBlobs(DocMap document, List<BacktestRun> oldRuns, List<RunMetrics> computed) {
        if (!(document.get("blobs") instanceof DocMap newBlobs) || !(bundle.document().get("blobs") instanceof DocMap oldBlobs)) {
            return;
        }
        for (int i = 0; i < oldRuns.size(); i++) {
            BacktestMetrics old = oldRuns.get(i).metrics();
            if (old == null) {
                continue;
            }
            for (String field : MetricSeries.BLOB_FIELDS) {
                String key = "runs/" + i + "/metrics/" + field + ".parquet";
                Object stored = oldBlobs.get(key);
                TimeSeries fresh = computed.get(i).series(field);
                if (stored != null && newBlobs.containsKey(key) && old.blobKey(field).filter(key::equals).isPresent()
                        && old.series(field).equals(MetricSeries.wrap(fresh.epochMillis(), fresh.values()))) {
                    newBlobs.put(key, stored);
                }
            }
        }
    }

    /** Decodes every blob a run refers to, so series reads are plain array access afterwards. */
    void decodeAllBlobs() {
        if (!bundle.isV2()) {
            return;
        }
        Map<String, String> whereByKey = new LinkedHashMap<>();
        for (BacktestRun run : runs()) {
            BacktestMetrics metrics = run.metrics();
            if (metrics != null) {
                for (String field : MetricSeries.BLOB_FIELDS) {
                    metrics.blobKey(field).ifPresent(key -> whereByKey.put(key, metrics.where(field)));
                }
            }
        }
        blobs.decodeAll(whereByKey);
    }

    MetricSeries resolveBlob(String key, String where) {
        return blobs.series(key, where);
    }
}
