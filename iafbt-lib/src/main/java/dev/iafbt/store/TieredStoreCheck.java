package dev.iafbt.store;

import dev.iafbt.index.IndexRows;
import dev.iafbt.index.Provenance;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.index.StaleTempFiles;
import dev.iafbt.internal.io.AtomicFiles;
import dev.iafbt.internal.io.FolderLock;
import dev.iafbt.model.Backtest;
import dev.iafbt.store.StoreCheck.Kind;
import dev.iafbt.store.StoreCheck.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@link LocalTieredStore#verify()} and {@link LocalTieredStore#repair()}: compares every tier with
 * the bundles, holding the store's lock exclusive, so no live writer's half-done step is mistaken
 * for damage (writers wait meanwhile). Repair fixes each finding from the bundles in the order
 * that keeps readers safe: complete committed changes, remove temp files, then rows and partitions.
 */
final class TieredStoreCheck {
    private final LocalTieredStore store;
    private final boolean repair;
    private final CheckFindings findings;

    private TieredStoreCheck(LocalTieredStore store, boolean repair) {
        this.store = store;
        this.repair = repair;
        this.findings = new CheckFindings(repair);
    }

    static StoreCheck run(LocalTieredStore store, boolean repair) {
        try {
            Files.createDirectories(store.chunkDir());
        } catch (IOException e) {
            throw new StoreException("cannot create " + store.chunkDir() + ": " + e.getMessage(), e);
        }
        try (FolderLock.Held alone = FolderLock.exclusive(store.chunkDir())) {
            return new TieredStoreCheck(store, repair).check();
        } catch (UncheckedIOException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    private StoreCheck check() {
        for (WriteIntent intent : store.commit().pending()) {
            fix(new Problem(Kind.INTERRUPTED_WRITE, intent.handle(), store.commit().journalDir(),
                    (intent.delete() ? "a delete" : "a write") + " was committed but not completed"));
        }
        if (repair) {
            store.finishPendingChanges();
        }
        for (Path temp : tempFiles()) {
            if (fix(new Problem(Kind.TEMP_FILE, null, temp, "temp file of a write that did not finish"))) {
                delete(temp);
            }
        }
        List<String> handles = store.bundleHandles();
        Map<String, Provenance> rows = rowProvenance();
        for (String handle : handles) {
            checkHandle(handle, rows.get(handle));
        }
        Set<String> known = new HashSet<>(handles);
        List<String> orphanRows = rows.keySet().stream().filter(h -> !known.contains(h)).sorted().toList();
        for (String handle : orphanRows) {
            if (fix(new Problem(Kind.ORPHAN_INDEX_ROW, handle, store.indexFile(), "index row without a bundle"))) {
                try (SqliteIndex index = SqliteIndex.open(store.indexFile())) {
                    index.remove(List.of(handle));
                }
            }
        }
        for (Path dir : partitionDirs()) {
            String handle = PartitionNames.decode(dir.getFileName().toString().substring("run_id=".length()));
            if (!known.contains(handle)) {
                if (fix(new Problem(Kind.ORPHAN_PARTITION, handle, dir, "Tier-2 partition without a bundle"))) {
                    StoreFiles.deleteTree(dir);
                }
            } else if (isEmpty(dir) && repair) {
                TieredCommit.deleteIfEmpty(dir);
            }
        }
        return findings.result(store.root().toString());
    }

    private void checkHandle(String handle, Provenance row) {
        Path file = store.bundlePath(handle);
        Backtest backtest;
        Backtest forIndex;
        try {
            backtest = Backtest.open(file);
            forIndex = Backtest.openForIndex(file);
        } catch (RuntimeException e) {
            fix(new Problem(Kind.UNREADABLE_BUNDLE, handle, file, e.getMessage()));
            return;
        }
        long[] stat = StoreFiles.mtimeNsAndSize(file);
        Kind rowProblem = row == null ? Kind.MISSING_INDEX_ROW : row.matches(stat[0], stat[1]) ? null : Kind.STALE_INDEX_ROW;
        if (rowProblem != null && fix(new Problem(rowProblem, handle, store.indexFile(), row == null
                ? "bundle without an index row" : "index row does not describe the bundle (file time or size differ)"))) {
            try (SqliteIndex index = SqliteIndex.open(store.indexFile())) {
                index.upsert(IndexRows.fromBacktest(forIndex, handle, stat[0], stat[1]));
            }
        }
        for (Map.Entry<Tier2Dataset, byte[]> part : Tier2Writer.encode(backtest, handle).entrySet()) {
            checkPartition(handle, part.getKey(), part.getValue());
        }
        checkChunks(handle, backtest);
    }

    private void checkPartition(String handle, Tier2Dataset dataset, byte[] expected) {
        Path part = Tier2Writer.partitionFile(store.parquetRoot(), dataset, handle);
        Problem problem = CheckFindings.tier2Problem(handle, dataset, part.toString(), "partition", expected, read(part));
        if (problem != null && fix(problem)) {
            if (expected == null) {
                delete(part);
                TieredCommit.deleteIfEmpty(part.getParent());
            } else {
                try {
                    AtomicFiles.write(part, expected);
                } catch (IOException e) {
                    throw new StoreException("cannot write Tier-2 partition " + part + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private void checkChunks(String handle, Backtest backtest) {
        ChunkPlacement.missingChunks(handle, backtest, store.chunkDir()).forEach(this::fix);
    }

    private boolean fix(Problem problem) {
        return findings.fix(problem);
    }

    private Map<String, Provenance> rowProvenance() {
        if (!Files.exists(store.indexFile())) {
            return Map.of();
        }
        try (SqliteIndex index = SqliteIndex.open(store.indexFile())) {
            return index.provenance();
        }
    }

    /** Temp files anywhere in the store: bundles, partitions, chunks, journal. */
    private List<Path> tempFiles() {
        try (Stream<Path> files = Files.walk(store.root())) {
            return files.filter(f -> StaleTempFiles.isTempName(f.getFileName().toString()) && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("cannot list the files under " + store.root() + ": " + e.getMessage(), e);
        }
    }

    private List<Path> partitionDirs() {
        List<Path> dirs = new ArrayList<>();
        for (Tier2Dataset dataset : Tier2Dataset.values()) {
            Path folder = store.parquetRoot().resolve(dataset.folderName());
            if (Files.isDirectory(folder)) {
                try (Stream<Path> entries = Files.list(folder)) {
                    entries.filter(d -> d.getFileName().toString().startsWith("run_id=") && Files.isDirectory(d))
                            .sorted().forEach(dirs::add);
                } catch (IOException e) {
                    throw new StoreException("cannot list " + folder + ": " + e.getMessage(), e);
                }
            }
        }
        return dirs;
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
