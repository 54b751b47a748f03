package dev.iafbt.index;

import java.util.Collections;
import java.util.stream.Collectors;

/** The one column list and placeholder list both dialects' upsert statements share. */
final class IndexUpsert {
    private IndexUpsert() {
    }

    /** {@code <verb> "backtest_index" (<68 columns>) VALUES (<68 ?>)<tail>}. */
    static String sql(String verb, String tail) {
        return verb + " " + IndexSchema.QUOTED_TABLE + " ("
                + IndexSchema.columnNames().stream().map(IndexSchema::quote).collect(Collectors.joining(", "))
                + ") VALUES (" + String.join(", ", Collections.nCopies(IndexSchema.columns().size(), "?"))
                + ")" + tail;
    }
}
