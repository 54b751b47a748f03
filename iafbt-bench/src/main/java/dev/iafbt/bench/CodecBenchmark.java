package dev.iafbt.bench;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.BundleReader;
import dev.iafbt.bundle.BundleWriter;
import dev.iafbt.bundle.ReadOptions;
import dev.iafbt.bundle.WriteOptions;
import dev.iafbt.internal.bundle.BundleContainer;
import dev.iafbt.internal.bundle.MsgpackEncoder;
import dev.iafbt.model.Backtest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Times summary-only open, full open and save of the reference's production-shape fixture
 * ({@code batch-0a0bbdc2-v2.iafbt}) and of a generated bundle of the same shape, plus the bare
 * zstd-19 compression the save is measured against. Arguments: the fixtures folder (default
 * {@code ../shared/fixtures/python-8.10}).
 */
public final class CodecBenchmark {
    private CodecBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        String[] args = BenchArgs.split(arguments);
        Path fixtures = Paths.get(args.length > 0 ? args[0] : "../shared/fixtures/python-8.10");
        System.out.println("java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        Path batch = fixtures.resolve("batch-0a0bbdc2-v2.iafbt");
        if (Files.isRegularFile(batch)) {
            run("batch fixture", batch);
        } else {
            System.out.println("fixture " + batch + " not found: skipping it");
        }
        Path generated = Files.createTempDirectory("iafbt-bench");
        Path file = ProductionShape.generate("0b0bbdc2", 11, 42L).save(generated);
        run("generated production shape", file);
    }

    private static void run(String label, Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        Bundle full = BundleReader.read(bytes, file, ReadOptions.FULL);
        byte[] raw = MsgpackEncoder.encode(full.document());
        System.out.printf("%n%s: %s, %d bytes on disk, %d bytes of msgpack%n", label, file.getFileName(),
                bytes.length, raw.length);
        Stopwatch.time(label + ": summary-only open (from disk)", 20, 60,
                () -> Backtest.openSummary(file).summary().orElseThrow().sharpeRatio());
        Stopwatch.time(label + ": open for index (from disk)", 20, 60,
                () -> Backtest.openForIndex(file).summary().orElseThrow().sharpeRatio());
        Stopwatch.time(label + ": full open incl. all blobs (from disk)", 10, 30,
                () -> Backtest.open(file).runs().size());
        Stopwatch.time(label + ":   stage: zstd decompress", 10, 30,
                () -> BundleContainer.decompress(bytes, "bench", ReadOptions.DEFAULT_MAX_DECOMPRESSED_BYTES).length);
        Stopwatch.time(label + ":   stage: msgpack decode of the whole tree", 10, 30,
                () -> BundleReader.decodeDocument(raw, 2, null, false).document().size());
        Stopwatch.time(label + ":   stage: msgpack encode of the whole tree", 10, 30,
                () -> MsgpackEncoder.encode(full.document()).length);
        Stopwatch.time(label + ": bare zstd-19 compression of the document", 1, 5,
                () -> BundleContainer.compress(raw, 19));
        Stopwatch.time(label + ": save (encode msgpack + zstd-19 + atomic write)", 1, 5, () -> {
            Path out = Files.createTempFile("iafbt-bench", ".iafbt");
            BundleWriter.write(full, out, null, WriteOptions.DEFAULT);
            return Files.size(out);
        });
    }
}
