package dev.iafbt.internal.index;

import dev.iafbt.bundle.Bundle;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The indexer's folder walk: every regular {@code *.iafbt} file below a folder, streamed in the
 * order the reference's {@code sorted(src.rglob("*.iafbt"))} produces.
 *
 * <p>Python sorts {@code Path}s component by component, so {@code a/b.iafbt} comes before
 * {@code a.iafbt}, although a plain string compare puts {@code .} (0x2E) before {@code /} (0x2F).
 * A depth-first walk that lists each folder's entries sorted by name (code point order, as Python
 * compares {@code str}) and descends into a sub-folder at its own name's position yields exactly
 * that order, while holding only one listing per folder level in memory.
 *
 * <p>Like {@code rglob}, the walk includes dot-folders and dot-files and does not descend into
 * symbolic links to folders; a symbolic link to a regular {@code *.iafbt} file is included with its
 * target's attributes, as {@code os.stat} follows it. Unlike the reference, a folder named
 * {@code x.iafbt} is not a bundle (the reference indexes it as an empty row), and a folder it
 * cannot list is reported to the visitor instead of being skipped silently.
 */
public final class IndexScan {
    /** Python's {@code str} ordering: by Unicode code point, not by UTF-16 unit. */
    public static final Comparator<String> CODE_POINT_ORDER = IndexScan::compareCodePoints;

    /** Receives the bundles of a walk, in order, on the walking thread. */
    public interface Visitor {
        /**
         * One bundle.
         *
         * @param file     the bundle, below the walked root (not resolved further)
         * @param relative its path relative to the root, with the platform separator
         * @param attrs    its attributes (of the link target for a symbolic link)
         */
        void bundle(Path file, String relative, BasicFileAttributes attrs) throws InterruptedException;

        /** A folder or entry that could not be read; the walk goes on without it. */
        void unreadable(Path path, IOException error) throws InterruptedException;
    }

    /** Folders with at least this many entries are stat'ed on the common fork-join pool. */
    static final int PARALLEL_STAT_THRESHOLD = 2048;

    private IndexScan() {
    }

    /** Walks {@code root} (a folder) depth-first in reference order. */
    public static void walk(Path root, Visitor visitor) throws InterruptedException {
        walk(root, "", root.getFileSystem().getSeparator(), visitor);
    }

    private static void walk(Path dir, String prefix, String separator, Visitor visitor)
            throws InterruptedException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        } catch (IOException | RuntimeException e) {
            visitor.unreadable(dir, e instanceof IOException io ? io : new IOException(e));
            return;
        }
        names.sort(CODE_POINT_ORDER);
        // Stat the whole listing first, in parallel for big folders: on a flat folder of thousands
        // of bundles the stat calls are most of an incremental run's time.
        Entry[] entries = new Entry[names.size()];
        IntStream range = IntStream.range(0, entries.length);
        (entries.length >= PARALLEL_STAT_THRESHOLD ? range.parallel() : range)
                .forEach(i -> entries[i] = Entry.of(dir.resolve(names.get(i)), names.get(i)));
        for (Entry entry : entries) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("index scan cancelled");
            }
            String relative = prefix.isEmpty() ? entry.name : prefix + separator + entry.name;
            if (entry.error != null) {
                visitor.unreadable(entry.path, entry.error); // a dangling link or a file that vanished
            } else if (entry.attrs == null) {
                continue;
            } else if (entry.attrs.isDirectory()) {
                if (!entry.link) {
                    walk(entry.path, relative, separator, visitor);
                }
            } else if (entry.attrs.isRegularFile() && entry.name.endsWith(Bundle.EXTENSION)) {
                visitor.bundle(entry.path, relative, entry.attrs);
            }
        }
    }

    /** One listed name with its attributes (null when irrelevant), or the error reading them. */
    private static final class Entry {
        final Path path;
        final String name;
        BasicFileAttributes attrs;
        boolean link;
        IOException error;

        private Entry(Path path, String name) {
            this.path = path;
            this.name = name;
        }

        static Entry of(Path path, String name) {
            Entry entry = new Entry(path, name);
            try {
                BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                entry.link = attrs.isSymbolicLink();
                if (entry.link) {
                    if (!name.endsWith(Bundle.EXTENSION)) {
                        return entry; // rglob never descends into linked folders
                    }
                    attrs = Files.readAttributes(path, BasicFileAttributes.class);
                }
                entry.attrs = attrs;
            } catch (IOException e) {
                if (name.endsWith(Bundle.EXTENSION)) {
                    entry.error = e;
                }
            }
            return entry;
        }
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
