package dev.iafbt.rank;

import dev.iafbt.index.IndexSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the clean-up after ranking: keep the shortlisted bundles, delete or archive every other
 * bundle of the folder (the reference's {@code prune_backtests}), without
 * its data-loss traps. It refuses, before touching anything:
 * <ul>
 *   <li>a shortlist whose rows lack {@code bundle_path} (the reference then prunes everything);</li>
 *   <li>an empty shortlist (it would prune everything);</li>
 *   <li>a kept {@code bundle_path} that does not resolve inside the folder, e.g. an index built
 *       with absolute paths for another folder (the reference then prunes everything);</li>
 *   <li>an archive folder equal to the bundle folder.</li>
 * </ul>
 * Bundles already inside an archive folder placed within the bundle folder are never candidates,
 * so a second prune does not re-prune the archive.
 */
public final class PrunePlanner {
    private PrunePlanner() {
    }

    /**
     * @param bundleFolder the folder the index was built over; kept paths resolve against it
     * @param keepRows     the ranked shortlist, each row with a {@code bundle_path}
     * @param archiveDir   where pruned bundles move to (keeping their relative path), or null to delete
     */
    public static PrunePlan plan(Path bundleFolder, List<? extends Map<String, ?>> keepRows, Path archiveDir) {
        Path folder = realFolder(bundleFolder);
        Path archive = archiveDir == null ? null : archiveDir.toAbsolutePath().normalize();
        if (archive != null && archive.equals(folder)) {
            throw new PruneException("archive folder " + archive + " is the bundle folder itself;"
                    + " choose a different archive folder");
        }
        Set<Path> keepSet = keepSet(folder, keepRows);
        List<Path> candidates;
        try {
            candidates = BundleFiles.scan(folder, archive);
        } catch (IOException e) {
            throw new PruneException("cannot list the bundles of " + folder + ": " + e, e);
        }
        List<Path> keep = new ArrayList<>();
        List<Path> remove = new ArrayList<>();
        for (Path bundle : candidates) {
            (keepSet.contains(realFile(bundle)) ? keep : remove).add(folder.relativize(bundle));
        }
        List<Path> missing = new ArrayList<>();
        for (Path kept : keepSet) {
            if (!Files.isRegularFile(kept)) {
                missing.add(folder.relativize(kept));
            }
        }
        return new PrunePlan(folder, archive, keep, remove, missing);
    }

    private static Set<Path> keepSet(Path folder, List<? extends Map<String, ?>> keepRows) {
        if (keepRows.isEmpty()) {
            throw new PruneException("the shortlist to keep is empty, so pruning would remove every"
                    + " bundle in " + folder + "; rank with a limit of at least 1");
        }
        Set<Path> keep = new LinkedHashSet<>();
        for (int i = 0; i < keepRows.size(); i++) {
            Object value = keepRows.get(i).get(IndexSchema.BUNDLE_PATH);
            if (value == null || value.toString().isBlank()) {
                throw new PruneException("shortlist row " + (i + 1) + " has no " + IndexSchema.BUNDLE_PATH
                        + ", so the bundles to keep of " + folder + " are unknown and every bundle would"
                        + " be pruned; include bundle_path in the ranked columns");
            }
            keep.add(insideFolder(folder, value.toString()));
        }
        return keep;
    }

    /** The kept path resolved against the folder; refused when it lands outside. */
    private static Path insideFolder(Path folder, String bundlePath) {
        Path resolved;
        try {
            resolved = realFile(folder.resolve(bundlePath).normalize());
        } catch (InvalidPathException e) {
            throw new PruneException("kept bundle_path '" + bundlePath + "' is not a valid path; "
                    + "rank the index that was built over " + folder, e);
        }
        if (!resolved.startsWith(folder) || resolved.equals(folder)) {
            throw new PruneException("kept bundle_path '" + bundlePath + "' does not resolve inside the"
                    + " bundle folder " + folder + "; the index was built for another folder (or with"
                    + " absolute paths elsewhere); rank the index built over " + folder + " instead");
        }
        return resolved;
    }

    private static Path realFolder(Path bundleFolder) {
        if (!Files.isDirectory(bundleFolder)) {
            throw new PruneException("not a directory: " + bundleFolder.toAbsolutePath()
                    + "; pruning needs the folder of the bundles, not the index file");
        }
        try {
            return bundleFolder.toRealPath();
        } catch (IOException e) {
            throw new PruneException("cannot resolve bundle folder " + bundleFolder + ": " + e, e);
        }
    }

    /** Symlinks resolved when the file exists, so a link cannot smuggle a path in or out. */
    static Path realFile(Path path) {
        try {
            return Files.exists(path) ? path.toRealPath() : path.toAbsolutePath().normalize();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
