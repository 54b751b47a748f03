package dev.iafbt.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bundles the Python reference wrote, read where they are ({@code ../shared/fixtures/python-8.10}
 * beside the project; surefire passes the path as {@code iafbt.fixtures}). They derive from the
 * reference's data, so they are never copied into the project; a test that needs them is skipped,
 * with this message, on a clone that does not have them.
 */
public final class ReferenceFixtures {
    private ReferenceFixtures() {
    }

    public static Path dir() {
        Path dir = location();
        assumeTrue(Files.isDirectory(dir), "reference fixtures not found at " + dir + ": skipped");
        return dir;
    }

    /** Where the fixtures should be, whether or not they are there. */
    private static Path location() {
        String configured = System.getProperty("iafbt.fixtures");
        Path dir = configured != null ? Paths.get(configured)
                : Paths.get("..", "..", "shared", "fixtures", "python-8.10");
        return dir.toAbsolutePath().normalize();
    }

    public static Path file(String name) {
        Path file = dir().resolve(name);
        assumeTrue(Files.isRegularFile(file), "reference fixture " + file + " not found: skipped");
        return file;
    }

    /** Every {@code *.iafbt} fixture, sorted by name; empty (so parameterised tests skip) when absent. */
    public static List<Path> bundles() {
        Path dir = location();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".iafbt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
