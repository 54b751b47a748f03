package dev.iafbt.index;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The indexer's folder walk: every regular {@code *.iafbt} file below a folder, streamed in the
 * order the reference's {@code sorted(src.rglob("*.iafbt"))} produces (index-stores.md §2.1 step 3).
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
 * {@code x.iafbt} is not a bundle (the reference indexes it as an empty row, §7), and a folder it
 * cannot list is reported to the visitor instead of being skipped silently.
 */
public final class IndexScan {
    /** The bundle file extension, {@code BUNDLE_EXT} (index-stores.md §0). */
    public static final String BUNDLE_EXTENSION = ".iafbt";

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
        for (String name : names) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("index scan cancelled");
            }
            Path entry = dir.resolve(name);
            String relative = prefix.isEmpty() ? name : prefix + separator + name;
            BasicFileAttributes attrs;
            boolean link;
            try {
                attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                link = attrs.isSymbolicLink();
                if (link) {
                    if (!name.endsWith(BUNDLE_EXTENSION)) {
                        continue; // rglob never descends into linked folders
                    }
                    attrs = Files.readAttributes(entry, BasicFileAttributes.class);
                }
            } catch (IOException e) {
                if (name.endsWith(BUNDLE_EXTENSION)) {
                    visitor.unreadable(entry, e); // a dangling link or a file that vanished
                }
                continue;
            }
            if (attrs.isDirectory()) {
                if (!link) {
                    walk(entry, relative, separator, visitor);
                }
            } else if (attrs.isRegularFile() && name.endsWith(BUNDLE_EXTENSION)) {
                visitor.bundle(entry, relative, attrs);
            }
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
