package dev.iafbt.rank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finding bundle files under a folder, in the order the reference visits them. */
final class BundleFiles {
    static final String BUNDLE_EXT = ".iafbt";

    /**
     * Python sorts {@code Path}s component by component, so {@code a/b.iafbt} comes before
     * {@code a.iafbt}; a plain string compare gives the opposite (index-stores.md §2.1 step 3).
     */
    static final Comparator<Path> PYTHON_PATH_ORDER = (a, b) -> {
        int n = Math.min(a.getNameCount(), b.getNameCount());
        for (int i = 0; i < n; i++) {
            int c = compareCodePoints(a.getName(i).toString(), b.getName(i).toString());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.getNameCount(), b.getNameCount());
    };

    private BundleFiles() {
    }

    /**
     * Every regular {@code *.iafbt} file under {@code folder} (recursive), skipping anything under
     * {@code excluded} (the archive folder) and directories that merely have the extension.
     */
    static List<Path> scan(Path folder, Path excluded) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(BUNDLE_EXT))
                    .filter(p -> excluded == null || !p.startsWith(excluded))
                    .filter(Files::isRegularFile)
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted(Comparator.comparing(folder::relativize, PYTHON_PATH_ORDER))
                    .toList();
        }
    }

    private static int compareCodePoints(String a, String b) {
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
