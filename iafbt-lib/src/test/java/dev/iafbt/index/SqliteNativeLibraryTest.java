package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The native library comes from the user's cache folder, an exact copy of the jar's, and the
 * location properties sqlite-jdbc reads are gone again once it is loaded.
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
}
