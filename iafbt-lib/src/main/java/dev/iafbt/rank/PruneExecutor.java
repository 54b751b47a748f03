package dev.iafbt.rank;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.index.BacktestIndex;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Carries out a {@link PrunePlan}: file moves or deletes, then the index rows. */
final class PruneExecutor {
    private final PrunePlan plan;

    PruneExecutor(PrunePlan plan) {
        this.plan = plan;
    }

    PruneResult run(BacktestIndex index) {
        List<PruneResult.PrunedBundle> done = new ArrayList<>();
        PruneException failure = null;
        for (Path relative : plan.remove()) {
            Path source = plan.bundleFolder().resolve(relative);
            try {
                done.add(new PruneResult.PrunedBundle(source, plan.archives() ? archive(relative, source) : delete(source)));
            } catch (IOException e) {
                failure = new PruneException("cannot " + (plan.archives() ? "archive " : "delete ") + source
                        + ": " + e + "; " + done.size() + " bundle(s) were pruned before it", e);
                break;
            }
        }
        int rowsRemoved = index == null ? 0 : removeRows(index, done);
        if (failure != null) {
            throw failure;
        }
        return new PruneResult(plan.keep().size(), done, rowsRemoved);
    }

    private static Path delete(Path source) throws IOException {
        Files.delete(source);
        return null;
    }

    /** Moves to {@code archive/<relative>}, choosing {@code name-N.iafbt} when the name is taken. */
    private Path archive(Path relative, Path source) throws IOException {
        Path target = plan.archiveDir().resolve(relative);
        Files.createDirectories(target.getParent());
        String name = target.getFileName().toString();
        int dot = name.endsWith(Bundle.EXTENSION) ? name.length() - Bundle.EXTENSION.length() : name.length();
        for (int n = 1; ; n++) {
            try {
                // no REPLACE_EXISTING: a taken name fails instead of being overwritten
                return Files.move(source, target);
            } catch (FileAlreadyExistsException e) {
                target = target.resolveSibling(name.substring(0, dot) + "-" + n + name.substring(dot));
            }
        }
    }

    /** Removes the rows whose bundle_path (relative or absolute) points at a pruned file. */
    private int removeRows(BacktestIndex index, List<PruneResult.PrunedBundle> done) {
        Set<Path> pruned = new HashSet<>();
        done.forEach(b -> pruned.add(b.source().toAbsolutePath().normalize()));
        List<String> rows = new ArrayList<>();
        for (String bundlePath : index.bundlePaths()) {
            if (pruned.contains(plan.bundleFolder().resolve(bundlePath).toAbsolutePath().normalize())) {
                rows.add(bundlePath);
            }
        }
        return rows.isEmpty() ? 0 : index.remove(rows);
    }
}
