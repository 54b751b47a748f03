package dev.iafbt.index;

import dev.iafbt.model.SummaryField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Child JVM of {@link ConcurrentPostgresWritersTest}: upserts {@code own} rows only it writes plus
 * the {@code shared} rows every writer writes, in batches of {@code batch}, the shared ones in an
 * order of its own so that concurrent transactions lock the same keys in different orders.
 */
public final class ConcurrentUpsertMain {
    private ConcurrentUpsertMain() {
    }

    public static void main(String[] args) {
        String url = args[0];
        int writer = Integer.parseInt(args[1]);
        int own = Integer.parseInt(args[2]);
        int shared = Integer.parseInt(args[3]);
        int batchSize = Integer.parseInt(args[4]);
        List<IndexRow> rows = new ArrayList<>();
        for (int i = 0; i < own; i++) {
            rows.add(row("w" + writer + "/b" + i + ".iafbt", writer, i));
        }
        List<IndexRow> sharedRows = new ArrayList<>();
        for (int i = 0; i < shared; i++) {
            sharedRows.add(row("shared/b" + i + ".iafbt", writer, i));
        }
        Collections.rotate(sharedRows, writer * shared / 4);
        if (writer % 2 == 1) {
            Collections.reverse(sharedRows);
        }
        // interleave: shared rows spread over the batches, where they collide with other writers
        List<IndexRow> all = new ArrayList<>();
        int step = Math.max(1, own / Math.max(1, shared));
        for (int i = 0, s = 0; i < rows.size() || s < sharedRows.size(); i++) {
            if (i < rows.size()) {
                all.add(rows.get(i));
            }
            if (i % step == 0 && s < sharedRows.size()) {
                all.add(sharedRows.get(s++));
            }
        }
        try (PostgresIndex index = PostgresIndex.open(url, new IndexCredentials(args[5], null))) {
            for (int from = 0; from < all.size(); from += batchSize) {
                index.upsertAll(all.subList(from, Math.min(all.size(), from + batchSize)));
            }
        }
    }

    private static IndexRow row(String path, int writer, int i) {
        return IndexRow.builder().bundlePath(path).algorithmId("w" + writer).tag("concurrent")
                .summary(SummaryField.SHARPE_RATIO, i / 10.0).provenance((long) i, (long) writer).build();
    }
}
