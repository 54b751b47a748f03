package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The native library comes from the user's cache folder, an exact copy of the jar's, and the
 * location properties sqlite-jdbc reads are gone again once it is loaded. The copy is never trusted
 * as found: an altered or truncated one is replaced, and JVMs creating it at once leave one whole file.
 */
class SqliteNativeLibraryTest {
    @Test
    void indexOpensThroughTheCachedCopyWhichEqualsTheJarsLibrary(@TempDir Path dir) throws Exception {
        try (SqliteIndex index = SqliteIndex.create(dir.resolve("index.sqlite"))) {
            assertThat(index.count()).isZero();
        }
        assertThat(SQLiteJDBCLoader.isNativeMode()).isTrue();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        Path cached = Path.of(System.getProperty("user.home"), ".cache", "iafbt", "sqlite-jdbc-" + SQLiteJDBCLoader.getVersion()
                + LibraryLoaderUtil.getNativeLibResourcePath().replace("/org/sqlite/native", ""),
                LibraryLoaderUtil.getNativeLibName());
        try (InputStream jar = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            assertThat(Files.readAllBytes(cached)).isEqualTo(jar.readAllBytes());
        }
        assertThat(System.getProperty("org.sqlite.lib.path")).isNull();
        assertThat(System.getProperty("org.sqlite.lib.name")).isNull();
    }

    @Test
    void anAlteredCopyOfTheSameSizeIsReplacedByTheJarsBytes(@TempDir Path dir) throws Exception {
        byte[] library = library(4096);
        byte[] altered = library.clone();
        altered[2000] ^= 0x5A;
        Files.write(dir.resolve("libsqlitejdbc.so"), altered);

        assertThat(SqliteNativeLibrary.exactCopy(dir, "libsqlitejdbc.so", library)).isEqualTo(dir);

        assertThat(Files.readAllBytes(dir.resolve("libsqlitejdbc.so"))).isEqualTo(library);
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void aTruncatedCopyIsReplacedAndAnExactOneIsLeftAsItIs(@TempDir Path dir) throws Exception {
        byte[] library = library(4096);
        Path file = dir.resolve("libsqlitejdbc.so");
        Files.write(file, Arrays.copyOf(library, 1000));
        SqliteNativeLibrary.exactCopy(dir, "libsqlitejdbc.so", library);
        assertThat(Files.readAllBytes(file)).isEqualTo(library);

        var written = Files.getLastModifiedTime(file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(written.toMillis() - 60_000));
        var aged = Files.getLastModifiedTime(file);
        SqliteNativeLibrary.exactCopy(dir, "libsqlitejdbc.so", library);
        assertThat(Files.getLastModifiedTime(file)).as("an exact copy is not rewritten").isEqualTo(aged);
    }

    @Test
    void jvmsCreatingTheCopyAtOnceLeaveOneWholeFileAndNoTemps(@TempDir Path dir) throws Exception {
        byte[] library = library(1 << 20);
        Path folder = dir.resolve("cache/sqlite-jdbc/Linux/x86_64");
        int writers = 8;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Callable<Path> writer = () -> {
                    start.await();
                    return SqliteNativeLibrary.exactCopy(folder, "libsqlitejdbc.so", library);
                };
                results.add(pool.submit(writer));
            }
            for (Future<Path> result : results) {
                assertThat(result.get()).isEqualTo(folder);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readAllBytes(folder.resolve("libsqlitejdbc.so"))).isEqualTo(library);
        assertThat(leftovers(folder)).isEmpty();
    }

    @Test
    void aCacheFolderThatCannotBeMadeIsAnIoErrorSoSqliteJdbcLoadsItsOwnCopy(@TempDir Path dir) throws Exception {
        Path blocked = dir.resolve("cache");
        Files.writeString(blocked, "a file where the cache folder should be");

        assertThatThrownBy(() -> SqliteNativeLibrary.exactCopy(blocked.resolve("linux"), "libsqlitejdbc.so", library(16)))
                .isInstanceOf(IOException.class);
        assertThat(Files.readString(blocked)).isEqualTo("a file where the cache folder should be");
    }

    private static byte[] library(int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(size).nextBytes(bytes);
        return bytes;
    }

    private static List<Path> leftovers(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
