package dev.iafbt.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Loads sqlite-jdbc's native library from a copy kept in the user's cache folder
 * ({@code ~/.cache/iafbt/sqlite-jdbc-<version>/<os>/<arch>/}) instead of letting sqlite-jdbc extract
 * it anew on every start. Its own loader writes the 1 MB library to a fresh temp file per JVM and
 * then compares the copy with the jar byte by byte through unwarmed streams: 0.1–0.3 s of every
 * cold {@code mvn iafbt:report}, {@code rank} or {@code list}. Here the cached copy is checked
 * against the jar's bytes (a bulk compare) and rewritten when it differs, so a tampered or stale
 * copy is never loaded.
 *
 * <p>sqlite-jdbc reads the library's location from the system properties {@code org.sqlite.lib.path}
 * and {@code org.sqlite.lib.name} once, when it first loads; they are set only for that moment and
 * then removed, so other code in the same JVM (another Maven plugin with its own sqlite-jdbc) never
 * sees them. A user's own {@code org.sqlite.lib.path} wins. Any failure leaves the loading to
 * sqlite-jdbc as before.
 */
final class SqliteNativeLibrary {
    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {
    }

    /** Once per class loader, before the first connection: the holder's initialiser does the work. */
    static void load() {
        Loaded.DONE.hashCode();
    }

    private static final class Loaded {
        static final Object DONE = loadCached();
    }

    private static Object loadCached() {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return Boolean.FALSE;
        }
        try {
            String resource = LibraryLoaderUtil.getNativeLibResourcePath(); // /org/sqlite/native/<os>/<arch>
            String name = LibraryLoaderUtil.getNativeLibName();
            Path folder = cached(resource, name);
            if (folder == null) {
                return Boolean.FALSE;
            }
            System.setProperty(PATH_PROPERTY, folder.toString());
            System.setProperty(NAME_PROPERTY, name);
            try {
                SQLiteJDBCLoader.initialize();
            } finally {
                System.clearProperty(PATH_PROPERTY);
                System.clearProperty(NAME_PROPERTY);
            }
            return Boolean.TRUE;
        } catch (Exception | LinkageError e) {
            return Boolean.FALSE; // sqlite-jdbc extracts and loads it itself at the first connection
        }
    }

    /** The cache folder holding an exact copy of the jar's library, written first when needed; null when there is none. */
    private static Path cached(String resource, String name) throws IOException {
        byte[] library;
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource + "/" + name)) {
            if (in == null) {
                return null;
            }
            library = in.readAllBytes();
        }
        String home = System.getProperty("user.home");
        if (home == null || home.isBlank()) {
            return null;
        }
        Path folder = Path.of(home, ".cache", "iafbt", "sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + resource.replace(
                "/org/sqlite/native", ""));
        return exactCopy(folder, name, library);
    }

    /**
     * {@code folder} once {@code folder/name} holds exactly {@code library}: a missing, truncated or
     * altered copy is replaced by an atomic move of a complete temp file, so a JVM loading the
     * library never sees a half-written one, and JVMs starting at once each write their own temp
     * and the last move wins with the same bytes.
     */
    static Path exactCopy(Path folder, String name, byte[] library) throws IOException {
        Path file = folder.resolve(name);
        if (Files.isRegularFile(file) && Files.size(file) == library.length
                && Arrays.equals(Files.readAllBytes(file), library)) {
            return folder;
        }
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, name, ".tmp");
        try {
            Files.write(temp, library);
            temp.toFile().setExecutable(true); // as sqlite-jdbc leaves its own copies
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return folder;
    }
}
