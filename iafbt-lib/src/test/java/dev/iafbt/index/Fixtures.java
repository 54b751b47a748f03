package dev.iafbt.index;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/** The reference fixtures (system property {@code iafbt.fixtures}); tests skip when absent. */
final class Fixtures {
    private Fixtures() {
    }

    static Path dir() {
        Path dir = Paths.get(System.getProperty("iafbt.fixtures", "../../shared/fixtures/python-8.10"));
        assumeTrue(Files.isDirectory(dir), "reference fixtures not found at " + dir + ": skipped");
        return dir;
    }

    /** A private copy of the reference's index.sqlite: the fixture itself is never opened for writing. */
    static Path indexCopy(Path tempDir) throws IOException {
        Path source = dir().resolve("index.sqlite");
        Files.createDirectories(tempDir);
        Path copy = tempDir.resolve("index.sqlite");
        Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().setWritable(true);
        return copy;
    }
}
