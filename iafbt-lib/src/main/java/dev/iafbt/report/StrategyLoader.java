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
import java.util.List;
import java.util.stream.IntStream;

/**
 * Finds the bundles of a folder (the indexer's walk and order) and reads each one's summary as
 * cheaply as the file allows. A bundle that cannot be read is listed with the reason and left
 * out; it never stops the report.
 */
final class StrategyLoader {
    record Loaded(List<Strategy> strategies, List<Skipped> skipped) {
    }

    private StrategyLoader() {
    }

    static Loaded load(Path folder) {
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
        Object[] results = new Object[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> results[i] = read(files.get(i), relatives.get(i)));
        List<Strategy> strategies = new ArrayList<>();
        for (Object r : results) {
            if (r instanceof Strategy s) {
                strategies.add(s);
            } else {
                skipped.add((Skipped) r);
            }
        }
        return new Loaded(strategies, skipped);
    }

    private static Object read(Path file, String relative) {
        try {
            return Strategy.of(file, relative, Backtest.openForIndex(file));
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
