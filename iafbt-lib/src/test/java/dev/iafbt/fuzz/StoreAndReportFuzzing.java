package dev.iafbt.fuzz;

import dev.iafbt.IafbtException;
import dev.iafbt.model.Backtest;
import dev.iafbt.report.HtmlReport;
import dev.iafbt.report.ReportOptions;
import dev.iafbt.store.LocalTieredStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What happens to a mutated bundle after it opens: a tiered store write (bundle, Tier-2 partitions,
 * Tier-1 row), reading it back from the store with every accessor and the store's index rows, and
 * the HTML report over a folder holding it. Each must end in a result or a typed
 * {@link IafbtException}; anything else, an {@link Error} or a hang is a finding. One store and one
 * report folder per JVM, under one handle and one file name, so a long run does not fill the disk.
 */
final class StoreAndReportFuzzing {
    private static final Path WORK = workFolder();
    private static final LocalTieredStore STORE = new LocalTieredStore(WORK.resolve("store"));
    private static final Path REPORT_FOLDER = WORK.resolve("report-input");
    private static final Path REPORT = WORK.resolve("report").resolve("report.html");
    private static final ReportOptions OPTIONS = ReportOptions.defaults().withTopK(3);

    private StoreAndReportFuzzing() {
    }

    /**
     * {@code file} is the input's bytes when it was a whole bundle file (the report reads exactly
     * it), or null for a bare document (the report then reads the bundle the store wrote).
     */
    static void run(Backtest opened, byte[] file) {
        typed(() -> {
            String handle = STORE.write(opened, "fuzz");
            ModelWalk.walk(STORE.open(handle, false));
            STORE.indexRows();
        });
        typed(() -> {
            Path folder = STORE.root().resolve(LocalTieredStore.BUNDLES_DIR);
            if (file != null) {
                write(REPORT_FOLDER.resolve("fuzz-input.iafbt"), file);
                folder = REPORT_FOLDER;
            }
            HtmlReport.write(folder, REPORT, OPTIONS);
        });
    }

    private static void typed(Runnable body) {
        try {
            body.run();
        } catch (IafbtException expected) {
            // typed, with a message: the outcome a bad bundle may have
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("the fuzz harness cannot write its own input " + file, e);
        }
    }

    private static Path workFolder() {
        try {
            Path folder = Files.createTempDirectory("iafbt-fuzz-pipeline");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
