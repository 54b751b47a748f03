package dev.iafbt.fuzz;

import dev.iafbt.IafbtException;
import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.BundleReader;
import dev.iafbt.bundle.ReadOptions;
import dev.iafbt.internal.bundle.BundleContainer;
import dev.iafbt.internal.bundle.MsgpackEncoder;
import dev.iafbt.internal.parquet.MetricBlobCodec;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SaveOptions;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The reader's fuzz targets. Each takes any bytes and must end in a result or in a typed
 * {@link IafbtException}; any other exception, an {@link Error}, a hang or running out of memory
 * is a finding. Whatever opens also goes through a tiered store write and the report
 * ({@link StoreAndReportFuzzing}). {@link #fuzzerTestOneInput} is the entry point of Jazzer's own
 * driver (the long runs documented in docs/reliability.md); {@link ReaderFuzzTest} runs the same
 * targets under JUnit.
 */
public final class ReaderFuzzTargets {
    private static final Path SOURCE = Path.of("fuzz-input.iafbt");
    /** Small enough that a valid input never needs more; a bomb within it still must be refused. */
    private static final ReadOptions FULL = ReadOptions.FULL.withMaxDecompressedBytes(64L * 1024 * 1024);
    private static final ReadOptions SUMMARY = ReadOptions.SUMMARY_ONLY.withMaxDecompressedBytes(64L * 1024 * 1024);

    private ReaderFuzzTargets() {
    }

    /**
     * Jazzer's driver calls this once before the first input: it loads (and instruments) every
     * class a valid bundle reaches, the store's and the report's included. Left to the first
     * input, that took more than the 20 s per-input limit on a loaded machine and was reported as
     * a hang.
     */
    public static void fuzzerInitialize() {
        byte[] bundle = FuzzSeeds.sample().toBytes(SaveOptions.DEFAULT.withZstdLevel(3));
        fuzzerTestOneInput(bundle);
        fuzzerTestOneInput(BundleContainer.decompress(bundle, "warm-up", Long.MAX_VALUE));
    }

    /** Jazzer's driver entry point: a whole bundle file, or a bare msgpack document. */
    public static void fuzzerTestOneInput(byte[] input) {
        if (input.length >= 4 && input[0] == 'I' && input[1] == 'A' && input[2] == 'F' && input[3] == 'B') {
            bundleFile(input);
        } else {
            document(input);
        }
    }

    /**
     * The container (header, zstd frame) and everything under it, in both open modes; a bundle
     * that opens then goes through a tiered store write and the report ({@link StoreAndReportFuzzing}).
     */
    static void bundleFile(byte[] input) {
        Backtest[] opened = new Backtest[1];
        typedOnly(() -> {
            opened[0] = Backtest.of(BundleReader.read(input, SOURCE, FULL));
            ModelWalk.walk(opened[0]);
        });
        typedOnly(() -> ModelWalk.walk(Backtest.of(BundleReader.read(input, SOURCE, SUMMARY))));
        if (opened[0] != null) {
            StoreAndReportFuzzing.run(opened[0], input);
        }
    }

    /**
     * A decompressed document, which the mutator then reaches without going through zstd: decoding,
     * re-encoding (which must be stable), the typed model, blob decoding and the index row.
     */
    static void document(byte[] input) {
        for (int version = 1; version <= 2; version++) {
            int v = version;
            typedOnly(() -> {
                Bundle bundle = BundleReader.decodeDocument(input, v, SOURCE, false);
                byte[] once = MsgpackEncoder.encode(bundle.document());
                byte[] twice = MsgpackEncoder.encode(BundleReader.decodeDocument(once, v, SOURCE, false).document());
                if (!Arrays.equals(once, twice)) {
                    throw new AssertionError("re-encoding a decoded document is not stable");
                }
                ModelWalk.walk(Backtest.of(bundle));
            });
            typedOnly(() -> ModelWalk.walk(Backtest.of(BundleReader.decodeDocument(input, v, SOURCE, true))));
        }
        Backtest[] opened = new Backtest[1];
        typedOnly(() -> opened[0] = Backtest.of(BundleReader.decodeDocument(input, 2, SOURCE, false)));
        if (opened[0] != null) {
            StoreAndReportFuzzing.run(opened[0], null);
        }
    }

    /** A metric blob's Parquet bytes, decoded directly. */
    static void metricBlob(byte[] input) {
        typedOnly(() -> MetricBlobCodec.read(input, "fuzz blob"));
    }

    private static void typedOnly(Runnable body) {
        try {
            body.run();
        } catch (IafbtException expected) {
            if (expected.getMessage() == null || !expected.getMessage().contains("fuzz")) {
                throw new AssertionError("a typed exception that does not name its source: " + expected, expected);
            }
        }
    }
}
