package dev.iafbt.store;

import dev.iafbt.bundle.DocMap;
import dev.iafbt.model.Backtest;
import dev.iafbt.internal.chunk.ChunkNames;
import dev.iafbt.ohlcv.OhlcvGc;
import dev.iafbt.index.TieredLayout;
import dev.iafbt.internal.io.FolderLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The safe OHLCV garbage collector of a store: a tiered store's root (bundles under
 * {@code bundles/}, chunks in {@code ohlcv/}) or any folder whose bundles point at chunk folders
 * through their {@code store_dir}.
 *
 * <p>Mark: every bundle's manifest is read. If any bundle cannot be read, its references are
 * unknown, so nothing at all is deleted and the unreadable bundles are named (the reference
 * treats them as referencing nothing and deletes their chunks). Referenced chunks that are not
 * there are reported as missing: that is data loss. Sweep: unreferenced chunks older than the
 * grace period (by file time) are deleted, and so are temp files older than it that crashed
 * writers left in the chunk folders. Chunks outside the store folder are never touched.
 *
 * <p>A collection that deletes holds every chunk folder's {@link FolderLock} exclusive from before
 * the mark to after the sweep; writers hold it shared from their first chunk to their bundle, so
 * the collector never sees a writer half-way, at any grace period, and a live writer's temp file
 * is never in a folder it sweeps. In a tiered store it first completes the changes killed writers
 * committed, so it marks what readers see. A dry run takes no lock.
 */
public final class OhlcvCollector {
    /** The default grace period: a writer has a day between putting chunks and saving its bundle. */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(24);

    private OhlcvCollector() {
    }

    /**
     * @param root   the store folder
     * @param grace  chunks and temp files modified more recently are kept
     * @param dryRun plan and report only
     */
    public static GcReport collect(Path root, Duration grace, boolean dryRun) {
        return collect(root, grace, dryRun, StepHook.NONE);
    }

    static GcReport collect(Path root, Duration grace, boolean dryRun, StepHook hook) {
        Path store = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(store)) {
            throw new StoreException("OHLCV collection: store folder " + store + " does not exist");
        }
        boolean tiered = isTiered(store);
        Path bundleRoot = tiered ? store.resolve(LocalTieredStore.BUNDLES_DIR) : store;
        Path fixedChunkDir = tiered ? store.resolve(LocalTieredStore.OHLCV_DIR) : null;
        Deque<FolderLock.Held> held = new ArrayDeque<>();
        Set<Path> locked = new TreeSet<>();
        try {
            if (!dryRun) {
                // exclusive from mark to sweep: no writer is half-way (chunks placed, bundle not yet
                // saved, a temp file in flight) while the collector decides and deletes
                if (tiered) {
                    createDirectories(fixedChunkDir); // its lock file also orders completing killed writes
                }
                lock(tiered ? List.of(fixedChunkDir) : StoreFiles.foldersNamed(store, LocalDirStore.OHLCV_DIR),
                        locked, held);
                hook.reached("locked");
                if (tiered) {
                    new LocalTieredStore(store).finishPendingChanges(); // killed writers' committed changes
                }
                hook.reached("pending-finished");
            }
            Instant cutoff = Instant.now().minus(grace);
            Marking marking = mark(store, bundleRoot, fixedChunkDir);
            while (!dryRun && !locked.containsAll(marking.chunkDirs())) {
                // a store_dir pointing at a folder not named ohlcv: lock it too, then mark again
                lock(marking.chunkDirs(), locked, held);
                marking = mark(store, bundleRoot, fixedChunkDir);
            }
            hook.reached("marked");
            List<GcReport.Folder> folders = new ArrayList<>();
            for (Path dir : marking.chunkDirs()) {
                Set<String> referencedHere = marking.referenced().getOrDefault(dir, Set.of());
                OhlcvGc.Plan plan = OhlcvGc.plan(dir, referencedHere, cutoff);
                List<String> deleted = List.of();
                List<Path> tempsDeleted = List.of();
                if (!dryRun && marking.unreadable().isEmpty()) {
                    deleted = OhlcvGc.sweep(dir, plan.sweepable().stream().map(OhlcvGc.Chunk::name).toList(), cutoff);
                    tempsDeleted = deleteTemps(plan.staleTemps());
                }
                folders.add(new GcReport.Folder(dir, plan, referencedHere.size(), deleted, tempsDeleted));
            }
            hook.reached("swept");
            return new GcReport(store, tiered, marking.bundles(), folders, marking.unreadable(),
                    missing(marking.marked(), folders), dryRun, grace);
        } finally {
            while (!held.isEmpty()) {
                held.pop().close();
            }
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("OHLCV collection: cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void lock(Collection<Path> dirs, Set<Path> locked, Deque<FolderLock.Held> held) {
        for (Path dir : new TreeSet<>(dirs)) { // one order for every collector: no deadlock between two
            if (locked.add(dir)) {
                try {
                    held.push(FolderLock.exclusive(dir));
                } catch (UncheckedIOException e) {
                    throw new StoreException(e.getMessage(), e);
                }
            }
        }
    }

    /** What the mark phase found: the references per chunk folder, and the folders to sweep. */
    private record Marking(int bundles, List<Marked> marked, Map<Path, Set<String>> referenced,
            List<GcReport.Problem> unreadable, Set<Path> chunkDirs) {
    }

    private static Marking mark(Path store, Path bundleRoot, Path fixedChunkDir) {
        List<String> paths = StoreFiles.bundlePaths(bundleRoot);
        // reading the manifests is the bulk of the work: spread it over the cores
        List<Marked> marked = paths.parallelStream()
                .map(relative -> mark(bundleRoot.resolve(relative), fixedChunkDir)).toList();
        Map<Path, Set<String>> referenced = new HashMap<>();
        List<GcReport.Problem> unreadable = new ArrayList<>();
        for (Marked m : marked) {
            if (m.problem() != null) {
                unreadable.add(m.problem());
            }
            for (Reference ref : m.references()) {
                referenced.computeIfAbsent(ref.dir(), d -> new HashSet<>()).add(ref.name());
            }
        }
        Set<Path> chunkDirs = new TreeSet<>();
        if (fixedChunkDir != null) {
            chunkDirs.add(fixedChunkDir);
        } else {
            chunkDirs.addAll(StoreFiles.foldersNamed(store, LocalDirStore.OHLCV_DIR));
            referenced.keySet().stream().filter(dir -> dir.startsWith(store)).forEach(chunkDirs::add);
        }
        return new Marking(paths.size(), marked, referenced, unreadable, chunkDirs);
    }

    /** A tiered store has {@code bundles/} beside its index or its Tier-2 folder. */
    static boolean isTiered(Path root) {
        return TieredLayout.isStoreRoot(root);
    }

    /** One manifest entry: which chunk, in which folder, a bundle needs under which key. */
    private record Reference(Path bundle, String key, Path dir, String name) {
    }

    /** What reading one bundle gave: its references, or why it could not be read. */
    private record Marked(List<Reference> references, GcReport.Problem problem) {
    }

    private static Marked mark(Path file, Path fixedChunkDir) {
        try {
            return new Marked(references(file, fixedChunkDir), null);
        } catch (RuntimeException e) {
            return new Marked(List.of(), new GcReport.Problem(file, e.getMessage()));
        }
    }

    private static List<Reference> references(Path file, Path fixedChunkDir) {
        Backtest backtest = Backtest.openSummary(file);
        DocMap ohlcv = backtest.ohlcvManifestMap().orElse(null);
        if (ohlcv == null || ohlcv.get("manifest") == null) {
            return List.of();
        }
        if (!(ohlcv.get("manifest") instanceof DocMap manifest)) {
            throw new StoreException(file + ": ohlcv.manifest is not a map");
        }
        Path dir = fixedChunkDir;
        if (dir == null) {
            Object storeDir = ohlcv.getOrDefault("store_dir", LocalDirStore.OHLCV_DIR);
            if (!(storeDir instanceof String relative)) {
                throw new StoreException(file + ": ohlcv.store_dir is not a string");
            }
            dir = file.getParent().resolve(relative).normalize();
        }
        List<Reference> references = new ArrayList<>();
        for (Map.Entry<String, Object> entry : manifest.entrySet()) {
            String name = entry.getValue() instanceof String s ? s : null;
            if (!ChunkNames.isValid(name)) {
                throw new StoreException(file + ": OHLCV manifest entry '" + entry.getKey() + "' is not a chunk name");
            }
            references.add(new Reference(file, entry.getKey(), dir, name));
        }
        return references;
    }

    /** References whose chunk is not there: checked against the listings, or on disk for folders outside the store. */
    private static List<GcReport.Problem> missing(List<Marked> marked, List<GcReport.Folder> folders) {
        Map<Path, Set<String>> listed = new HashMap<>();
        for (GcReport.Folder folder : folders) {
            Set<String> names = new HashSet<>();
            folder.plan().stored().forEach(c -> names.add(c.name()));
            listed.put(folder.dir(), names);
        }
        List<GcReport.Problem> missing = new ArrayList<>();
        for (Marked m : marked) {
            for (Reference ref : m.references()) {
                Set<String> names = listed.get(ref.dir());
                boolean present = names != null ? names.contains(ref.name())
                        : Files.isRegularFile(ref.dir().resolve(ref.name()));
                if (!present) {
                    missing.add(new GcReport.Problem(ref.bundle(), "OHLCV chunk for '" + ref.key()
                            + "' is missing: expected " + ref.dir().resolve(ref.name())));
                }
            }
        }
        return missing;
    }

    private static List<Path> deleteTemps(List<Path> temps) {
        List<Path> deleted = new ArrayList<>();
        for (Path temp : temps) {
            try {
                if (Files.deleteIfExists(temp)) {
                    deleted.add(temp);
                }
            } catch (IOException e) {
                throw new StoreException("cannot delete stale temp file " + temp + ": " + e.getMessage(), e);
            }
        }
        return deleted;
    }
}
