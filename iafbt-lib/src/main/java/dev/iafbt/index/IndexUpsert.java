package dev.iafbt.index;

import java.util.Collections;
import java.util.stream.Collectors;

/** The one column list and placeholder list both dialects' upsert statements share. */
final class IndexUpsert {
    /** The 68 known columns, quoted, in physical order: what every upsert writes. */
    static final String COLUMN_LIST = IndexSchema.columnNames().stream().map(IndexSchema::quote)
            .collect(Collectors.joining(", "));

    private IndexUpsert() {
    }

    /** {@code <verb> "backtest_index" (<68 columns>) VALUES (<68 ?>)<tail>}. */
    static String sql(String verb, String tail) {
        return verb + " " + IndexSchema.QUOTED_TABLE + " (" + COLUMN_LIST
                + ") VALUES (" + String.join(", ", Collections.nCopies(IndexSchema.columns().size(), "?"))
                + ")" + tail;
    }
}
