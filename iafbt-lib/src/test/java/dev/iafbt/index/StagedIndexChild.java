package dev.iafbt.index;

import java.nio.file.Path;

/**
 * Child process of {@link IndexTempFilesTest}: stages a rebuild of the index given as argument,
 * writes a row (so SQLite has its journal files too), says "staged" and waits to be killed.
 */
public final class StagedIndexChild {
    private StagedIndexChild() {
    }

    public static void main(String[] args) throws Exception {
        SqliteIndex staged = SqliteIndex.stage(Path.of(args[0]));
        staged.upsert(IndexRow.builder().bundlePath("a.iafbt").algorithmId("a").build());
        System.out.println("staged");
        System.out.flush();
        Thread.sleep(120_000);
        staged.close();
    }
}
