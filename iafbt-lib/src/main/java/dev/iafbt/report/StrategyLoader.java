package dev.iafbt.report;

import dev.iafbt.IafbtException;
import dev.iafbt.internal.index.IndexScan;
import dev.iafbt.model.Backtest;
import dev.iafbt.report.ReportView.Skipped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Finds the bundles of a folder (the indexer's walk and order) and reads each one's summary as
 * cheaply as the file allows. A bundle that cannot be read is listed with the reason and left
 * out; it never stops the report.
 * <p>
 * A folder of up to {@link #ONE_PASS_FACTOR} times as many bundles as the report has tear sheets
 * is read in one pass: each bundle is opened for its sheet right away ({@link SheetReader}), its row
 * derived from that, and the opened bundle kept for the sheet while the decompressed documents kept
 * stay within a memory budget (a quarter of the heap by default): one read and one decompression
 * per bundle instead of two for every bundle that ends up with a sheet. Which bundles get sheets is
 * known only once every row is ranked; a bundle not kept is simply opened again then, so the
 * report's bytes do not depend on what was kept. A larger folder is read summary-only (a
 * summary-first bundle then costs only its head) and its top-K opened later: holding every decoded
 * bundle until the ranking would cost memory in proportion to the folder, and most would be thrown
 * away.
 */
final class StrategyLoader {
    /**
     * @param opened the bundles already opened for a tear sheet, by file (empty when none was);
     *               the report reads a sheet from here rather than opening its file again
     */
    record Loaded(List<Strategy> strategies, List<Skipped> skipped, Map<Path, Backtest> opened) {
        Loaded(List<Strategy> strategies, List<Skipped> skipped) {
            this(strategies, skipped, Map.of());
        }
    }

    /** Folders of up to this many times the tear sheets are read in one pass. */
    static final int ONE_PASS_FACTOR = 4;

    private StrategyLoader() {
    }

    /** The bundles of {@code folder}; {@code sheets} is how many tear sheets the report shows at most. */
    static Loaded load(Path folder, int sheets) {
        return load(folder, sheets, Runtime.getRuntime().maxMemory() / 4);
    }

    /**
     * As {@link #load(Path, int)}, keeping opened bundles whose decompressed documents add up to at
     * most {@code holdBytes}.
     */
    static Loaded load(Path folder, int sheets, long holdBytes) {
        if (!Files.exists(folder)) {
            throw new ReportException("the bundle folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new ReportException(folder + " is not a folder of .iafbt bundles");
        }
        List<Path> files = new ArrayList<>();
        List<String> relatives = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        try {
            IndexScan.walk(folder, new IndexScan.Visitor() {
                @Override
                public void bundle(Path file, String relative, BasicFileAttributes attrs) {
                    files.add(file);
                    relatives.add(relative);
                }

                @Override
                public void unreadable(Path path, IOException error) {
                    skipped.add(new Skipped(folder.relativize(path).toString(), "cannot list: " + error.getMessage()));
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportException("interrupted while listing " + folder, e);
        }
        if (files.isEmpty()) {
            throw new ReportException("the bundle folder " + folder + " holds no .iafbt bundles");
        }
        // Reading is most of the time on big folders; results keep the walk's order.
        boolean onePass = files.size() <= (long) ONE_PASS_FACTOR * sheets;
        AtomicLong held = new AtomicLong();
        Object[] results = new Object[files.size()];
        Backtest[] opened = new Backtest[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            SheetReader.Opened forSheet = onePass ? openForSheet(files.get(i)) : null;
            results[i] = read(files.get(i), relatives.get(i), forSheet == null ? null : forSheet.backtest());
            if (forSheet != null && held.addAndGet(forSheet.documentBytes()) <= holdBytes) {
                opened[i] = forSheet.backtest();
            }
        });
        List<Strategy> strategies = new ArrayList<>();
        Map<Path, Backtest> sheetReady = new HashMap<>();
        for (int i = 0; i < results.length; i++) {
            if (results[i] instanceof Strategy s) {
                strategies.add(s);
                if (opened[i] != null) {
                    sheetReady.put(files.get(i), opened[i]);
                }
            } else {
                skipped.add((Skipped) results[i]);
            }
        }
        return new Loaded(strategies, skipped, sheetReady);
    }

    /**
     * The bundle opened for its tear sheet, or null when that fails: the summary read then decides
     * whether it is ranked, and the sheet's own open reports why it cannot be shown, as for a
     * bundle of a larger folder.
     */
    private static SheetReader.Opened openForSheet(Path file) {
        try {
            return SheetReader.read(file);
        } catch (IafbtException | UncheckedIOException e) {
            return null;
        }
    }

    private static Object read(Path file, String relative, Backtest openedForSheet) {
        try {
            return Strategy.of(file, relative, openedForSheet != null ? openedForSheet : Backtest.openForIndex(file));
        } catch (IafbtException | UncheckedIOException e) {
            return new Skipped(relative, reason(e, file, relative));
        }
    }

    /**
     * The exception's message with the bundle's path made relative to the folder: the report does
     * not carry the machine's folder layout, and moving the folder does not change its bytes.
     */
    static String reason(RuntimeException e, Path file, String relative) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace(file.toAbsolutePath().toString(), relative).replace(file.toString(), relative);
    }
}
