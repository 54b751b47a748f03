package dev.iafbt.store;

import dev.iafbt.index.IndexRows;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.internal.io.AtomicFiles;
import dev.iafbt.internal.io.FolderLock;
import dev.iafbt.model.Backtest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The write protocol of a {@link LocalTieredStore}, one handle at a time:
 *
 * <ol>
 *   <li>hold the chunk folder's {@link FolderLock} shared (the collector holds it exclusive);</li>
 *   <li>finish a change of this handle that a killed writer left decided (its intent is there);</li>
 *   <li>place the OHLCV chunks (content-addressed: unreferenced until a bundle names them);</li>
 *   <li>stage the Tier-2 partitions and the bundle under hidden temp names
 *       ({@code .part-0.parquet.<generation>.tmp}, {@code .<name>.iafbt.<generation>.tmp}), which no
 *       listing, index walk or {@code *.parquet} scan reads;</li>
 *   <li><b>commit</b>: write the {@link WriteIntent} atomically into {@code .journal/};</li>
 *   <li>apply: rename the partitions into place (or remove them), rename the bundle into place,
 *       upsert the index row, remove the intent.</li>
 * </ol>
 *
 * A kill before the commit leaves only hidden temp files (the old version stays whole everywhere);
 * a kill after it leaves an intent that the next write of the handle, any reader that can take the
 * lock, {@code gc-ohlcv} and {@code repair} complete; readers that cannot take the lock read through
 * it. Applying is idempotent (a staged file that is gone was moved already), so completing twice is
 * harmless. A failure before the commit removes what was staged.
 */
final class TieredCommit {
    static final String JOURNAL_DIR = ".journal";

    private final LocalTieredStore store;
    private final StepHook hook;

    TieredCommit(LocalTieredStore store, StepHook hook) {
        this.store = store;
        this.hook = hook;
    }

    String write(Backtest backtest, String handle, Path chunkSource) {
        Path target = store.bundlePath(handle);
        Path chunkDir = store.chunkDir();
        try (FolderLock.Held writing = StoreFiles.lockShared(chunkDir)) {
            hook.reached("locked");
            finishPending(handle);
            ChunkPlacement placement = BundleSaving.place(backtest, target, chunkSource, chunkDir);
            hook.reached("chunks-placed");
            Backtest saved = placement.bundle() == backtest.bundle() ? backtest : Backtest.of(placement.bundle());
            String generation = Long.toHexString(ThreadLocalRandom.current().nextLong());
            List<Path> staged = new ArrayList<>();
            boolean committed = false;
            try {
                Set<Tier2Dataset> partitions = EnumSet.noneOf(Tier2Dataset.class);
                for (Map.Entry<Tier2Dataset, byte[]> part : Tier2Writer.encode(saved, handle).entrySet()) {
                    if (part.getValue() != null) {
                        Path file = stagedPartition(part.getKey(), handle, generation);
                        staged.add(file);
                        write(file, part.getValue(), "Tier-2 partition");
                        partitions.add(part.getKey());
                    }
                }
                hook.reached("partitions-staged");
                Path bundle = stagedBundle(target, generation);
                staged.add(bundle);
                write(bundle, BundleSaving.bytes(placement.bundle(), target.toString()), "bundle");
                hook.reached("bundle-staged");
                WriteIntent intent = new WriteIntent(handle, generation, false, partitions);
                write(intentFile(handle), intent.encode(), "write intent");
                committed = true;
                hook.reached("intent-recorded");
                apply(intent, saved);
            } finally {
                if (!committed) {
                    staged.forEach(TieredCommit::deleteQuietly);
                }
            }
            placement.ensurePresent();
        }
        return handle;
    }

    void delete(String handle) {
        try (FolderLock.Held writing = StoreFiles.lockShared(store.chunkDir())) {
            hook.reached("locked");
            finishPending(handle);
            WriteIntent intent = new WriteIntent(handle, "0", true, Set.of());
            write(intentFile(handle), intent.encode(), "delete intent");
            hook.reached("intent-recorded");
            apply(intent, null);
        }
    }

    /** Completes the pending change of {@code handle}, if any; the caller holds the lock. */
    void finishPending(String handle) {
        Path file = intentFile(handle);
        if (Files.exists(file)) {
            apply(read(file), null);
        }
    }

    /** Completes every pending change; the caller holds the lock exclusive (no writer is running). */
    List<WriteIntent> finishAll() {
        List<WriteIntent> pending = pending();
        for (WriteIntent intent : pending) {
            apply(intent, null);
        }
        return pending;
    }

    /** The decided but unfinished changes: killed writers', or live writers' that are applying now. */
    List<WriteIntent> pending() {
        Path dir = journalDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<WriteIntent> intents = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(WriteIntent.SUFFIX) && !name.startsWith(".")) {
                    try {
                        intents.add(read(file));
                    } catch (StoreException e) {
                        if (Files.exists(file)) {
                            throw e;
                        } // finished meanwhile
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("cannot list write intents in " + dir + ": " + e.getMessage(), e);
        }
        return intents;
    }

    /** The pending change of one handle, or null. */
    WriteIntent pending(String handle) {
        Path file = intentFile(handle);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return read(file);
        } catch (StoreException e) {
            if (Files.exists(file)) {
                throw e;
            }
            return null; // finished meanwhile
        }
    }

    /** Where the new version's bundle is while its intent is pending: staged, or moved already. */
    Path pendingBundle(WriteIntent intent) {
        Path target = store.bundlePath(intent.handle());
        Path staged = stagedBundle(target, intent.generation());
        return Files.exists(staged) ? staged : target;
    }

    Path journalDir() {
        return store.root().resolve(JOURNAL_DIR);
    }

    private Path intentFile(String handle) {
        return journalDir().resolve(WriteIntent.fileName(handle));
    }

    private void apply(WriteIntent intent, Backtest saved) {
        String handle = intent.handle();
        for (Tier2Dataset dataset : Tier2Dataset.values()) {
            Path part = Tier2Writer.partitionFile(store.parquetRoot(), dataset, handle);
            if (!intent.delete() && intent.partitions().contains(dataset)) {
                moveStaged(stagedPartition(dataset, handle, intent.generation()), part);
            } else {
                deleteFile(part);
                deleteIfEmpty(part.getParent());
            }
            hook.reached("partition-" + dataset.folderName());
        }
        Path bundle = store.bundlePath(handle);
        if (intent.delete()) {
            deleteFile(bundle);
        } else {
            moveStaged(stagedBundle(bundle, intent.generation()), bundle);
        }
        hook.reached("bundle-moved");
        updateIndex(intent, bundle, saved);
        hook.reached("index-updated");
        deleteFile(intentFile(handle));
        hook.reached("intent-cleared");
    }

    private void updateIndex(WriteIntent intent, Path bundle, Backtest saved) {
        if (intent.delete()) {
            if (Files.exists(store.indexFile())) {
                try (SqliteIndex index = SqliteIndex.open(store.indexFile())) {
                    index.remove(List.of(intent.handle()));
                }
            }
            return;
        }
        long[] stat = StoreFiles.mtimeNsAndSize(bundle);
        Backtest indexed = saved != null ? saved : Backtest.openForIndex(bundle);
        try (SqliteIndex index = SqliteIndex.open(store.indexFile())) {
            index.upsert(IndexRows.fromBacktest(indexed, intent.handle(), stat[0], stat[1]));
        }
    }

    private WriteIntent read(Path file) {
        try {
            return WriteIntent.decode(Files.readAllBytes(file), file);
        } catch (IOException e) {
            throw new StoreException("cannot read write intent " + file + ": " + e.getMessage(), e);
        }
    }

    private Path stagedPartition(Tier2Dataset dataset, String handle, String generation) {
        return Tier2Writer.partitionDir(store.parquetRoot(), dataset, handle)
                .resolve(stagedName(Tier2Writer.PART_FILE, generation));
    }

    static Path stagedBundle(Path bundle, String generation) {
        return bundle.resolveSibling(stagedName(bundle.getFileName().toString(), generation));
    }

    /** The form of {@code AtomicFiles}' temp names, so every tool that skips those skips these. */
    private static String stagedName(String name, String generation) {
        return "." + name + "." + generation + ".tmp";
    }

    private static void write(Path file, byte[] bytes, String what) {
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new StoreException("cannot write " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static void moveStaged(Path staged, Path target) {
        try {
            AtomicFiles.replace(staged, target);
        } catch (NoSuchFileException e) {
            // moved already: by this change's writer before it was killed, or a concurrent finisher
        } catch (IOException e) {
            throw new StoreException("cannot move " + staged + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteFile(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            // other files (a dead writer's staged file) stay for repair
        } catch (IOException e) {
            throw new StoreException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file that cannot be removed is found and removed by repair
        }
    }
}
