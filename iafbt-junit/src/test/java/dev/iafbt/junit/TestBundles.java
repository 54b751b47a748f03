package dev.iafbt.junit;

import dev.iafbt.bundle.ReadOptions;
import dev.iafbt.internal.bundle.BundleContainer;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.BacktestBuilder;
import dev.iafbt.model.MetricsBuilder;
import dev.iafbt.model.RunBuilder;
import dev.iafbt.model.SummaryField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Writes the small bundles the tests gate over; every test makes its own, nothing is copied from fixtures. */
final class TestBundles {
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant END = Instant.parse("2024-06-30T00:00:00Z");

    private TestBundles() {
    }

    /** A bundle with the three metrics of the standard bar and one run with the given run Sharpe. */
    static Path write(Path dir, String algorithmId, double sharpe, double maxDrawdown, long trades) {
        return save(dir, builder(algorithmId, 1.0)
                .summary(SummaryField.SHARPE_RATIO, sharpe)
                .summary(SummaryField.MAX_DRAWDOWN, maxDrawdown)
                .summary(SummaryField.NUMBER_OF_TRADES, trades));
    }

    /** One run per given run Sharpe ratio. */
    static BacktestBuilder builder(String algorithmId, double... runSharpes) {
        BacktestBuilder builder = Backtest.builder(algorithmId).tag("test").parameter("fast", 9);
        for (double runSharpe : runSharpes) {
            builder.run(RunBuilder.window(START, END).snapshot(START, 1000).snapshot(END, 1100)
                    .metrics(MetricsBuilder.window(START, END).sharpeRatio(runSharpe)));
        }
        return builder;
    }

    static Path save(Path dir, BacktestBuilder builder) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder.build().save(dir);
    }

    /** Same document, compressed at zstd level 3: reads fine, but the level-19 re-encode differs. */
    static void recompressAtLevel3(Path bundle) throws IOException {
        byte[] file = Files.readAllBytes(bundle);
        byte[] raw = BundleContainer.decompress(file, bundle.toString(), ReadOptions.DEFAULT_MAX_DECOMPRESSED_BYTES);
        writeContainer(bundle, raw, 3);
    }

    /**
     * Re-encodes the first int value 40 that follows the key {@code number_of_trades} as uint8
     * ({@code cc 28}) instead of a positive fixint ({@code 28}): valid msgpack, not canonical.
     */
    static void encodeTradesNonMinimally(Path bundle) throws IOException {
        byte[] file = Files.readAllBytes(bundle);
        byte[] raw = BundleContainer.decompress(file, bundle.toString(), ReadOptions.DEFAULT_MAX_DECOMPRESSED_BYTES);
        byte[] key = ("\u00b0number_of_trades").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = indexOf(raw, key, (byte) 40);
        byte[] patched = new byte[raw.length + 1];
        System.arraycopy(raw, 0, patched, 0, at);
        patched[at] = (byte) 0xcc;
        System.arraycopy(raw, at, patched, at + 1, raw.length - at);
        writeContainer(bundle, patched, BundleContainer.DEFAULT_ZSTD_LEVEL);
    }

    private static int indexOf(byte[] raw, byte[] key, byte value) {
        outer:
        for (int i = 0; i + key.length < raw.length; i++) {
            for (int j = 0; j < key.length; j++) {
                if (raw[i + j] != key[j]) {
                    continue outer;
                }
            }
            if (raw[i + key.length] == value) {
                return i + key.length;
            }
        }
        throw new IllegalStateException("no number_of_trades = " + value + " in the document");
    }

    private static void writeContainer(Path bundle, byte[] raw, int level) throws IOException {
        byte[] frame = BundleContainer.compress(raw, level);
        byte[] header = BundleContainer.header(2);
        byte[] out = new byte[header.length + frame.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(frame, 0, out, header.length, frame.length);
        Files.write(bundle, out);
    }
}
