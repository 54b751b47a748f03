package dev.iafbt.check;

import dev.iafbt.bundle.Bundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Resolves bundle patterns to files, sorted by their path relative to the base directory so that
 * test order (and so reports) never depend on the file system's listing order.
 */
final class BundleFinder {
    private final Path baseDir;

    BundleFinder(Path baseDir) {
        this.baseDir = baseDir;
    }

    List<Path> find(List<String> patterns) {
        TreeMap<String, Path> found = new TreeMap<>();
        for (String pattern : patterns) {
            for (Path file : isGlob(pattern) ? matchGlob(pattern) : matchPath(pattern)) {
                found.put(relativeName(file), file);
            }
        }
        return List.copyOf(found.values());
    }

    /** The name shown in test names and messages: relative to the project, with forward slashes. */
    String relativeName(Path file) {
        Path shown = file.startsWith(baseDir) ? baseDir.relativize(file) : file;
        return shown.toString().replace('\\', '/');
    }

    /** Why nothing matched, for the empty-gate failure: which directories do not exist. */
    String describeMisses(List<String> patterns) {
        List<String> missing = new ArrayList<>();
        for (String pattern : patterns) {
            Path root = isGlob(pattern) ? literalRoot(pattern) : baseDir.resolve(pattern);
            if (!Files.exists(root)) {
                missing.add(relativeName(root.normalize()) + " does not exist");
            }
        }
        return missing.isEmpty() ? "" : " (" + String.join("; ", missing) + ")";
    }

    private static boolean isGlob(String pattern) {
        return pattern.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }

    private List<Path> matchPath(String pattern) {
        Path path = baseDir.resolve(pattern).normalize();
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        return Files.isDirectory(path) ? walk(path, file -> file.getFileName().toString().endsWith(Bundle.EXTENSION)) : List.of();
    }

    /**
     * Globs use {@link java.nio.file.FileSystem#getPathMatcher} syntax against the relative path,
     * except that {@code **}{@code /} also matches no directory at all, as in Ant and Git, which
     * is what people expect from {@code backtests/**}{@code /*.iafbt}.
     */
    private List<Path> matchGlob(String pattern) {
        String normalized = pattern.replace('\\', '/');
        PathMatcher full = FileSystems.getDefault().getPathMatcher("glob:" + normalized);
        PathMatcher collapsed = FileSystems.getDefault().getPathMatcher("glob:" + normalized.replace("**/", ""));
        Path root = literalRoot(normalized);
        return Files.isDirectory(root) ? walk(root, file -> {
            Path relative = Path.of(relativeName(file));
            return full.matches(relative) || collapsed.matches(relative);
        }) : List.of();
    }

    /** The directories before the first segment with a glob character: where the walk starts. */
    private Path literalRoot(String pattern) {
        Path root = baseDir;
        for (String segment : pattern.replace('\\', '/').split("/")) {
            if (isGlob(segment)) {
                break;
            }
            root = root.resolve(segment);
        }
        return root.normalize();
    }

    private static List<Path> walk(Path root, java.util.function.Predicate<Path> accept) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(Path::normalize).filter(accept).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list bundles under " + root + ": " + e.getMessage(), e);
        }
    }
}
