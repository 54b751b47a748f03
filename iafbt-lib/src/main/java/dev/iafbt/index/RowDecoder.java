package dev.iafbt.index;

import dev.iafbt.model.Backtest;
import java.nio.file.Path;

/** Turns one bundle file into its index row; run on the pipeline's decoder threads. */
@FunctionalInterface
interface RowDecoder {
    /** Opens the bundle for indexing (head or summary only) and builds its row. */
    RowDecoder BUNDLE = (file, bundlePath, mtimeNs, size) ->
            IndexRows.fromBacktest(Backtest.openForIndex(file), bundlePath, mtimeNs, size);

    IndexRow decode(Path file, String bundlePath, long mtimeNs, long size);
}
