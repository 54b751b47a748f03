package dev.iafbt.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.iafbt.bundle.Bundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one locator of the bundles the Python reference wrote, read where they are
 * ({@code ../shared/fixtures/python-8.10} beside the project; surefire passes the path as
 * {@code iafbt.fixtures}). They derive from the reference's data, so they are never copied into the
 * project; a test that needs them is skipped, with a message starting {@value #SKIP_MESSAGE_START},
 * on a clone that does not have them, and fails instead when {@value #REQUIRED_PROPERTY} is
 * {@code true} (CI always has them, so there a skip would hide a real gap).
 */
public final class ReferenceFixtures {
    /** When {@code true}, a test that would skip for want of fixtures fails. */
    public static final String REQUIRED_PROPERTY = "iafbt.fixtures.required";
    /** How every skip (or failure) message for absent fixtures starts; {@link FixtureSkipReport} counts on it. */
    public static final String SKIP_MESSAGE_START = "reference fixture";

    private ReferenceFixtures() {
    }

    public static Path dir() {
        Path dir = location();
        require(Files.isDirectory(dir), "reference fixtures not found at " + dir);
        return dir;
    }

    public static Path file(String name) {
        Path file = dir().resolve(name);
        require(Files.isRegularFile(file), "reference fixture " + file + " not found");
        return file;
    }

    /** Every {@code *.iafbt} fixture, sorted by name; empty (so parameterised tests skip) when absent. */
    public static List<Path> bundles() {
        Path dir = location();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(Bundle.EXTENSION)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A writable private copy of a fixture (e.g. {@code index.sqlite}): the fixture itself is never opened for writing. */
    public static Path privateCopy(String name, Path tempDir) throws IOException {
        Path source = file(name);
        Files.createDirectories(tempDir);
        Path copy = tempDir.resolve(source.getFileName().toString());
        Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().setWritable(true);
        return copy;
    }

    /** Skips the calling test (or fails it, when fixtures are required) unless {@code present}. */
    public static void require(boolean present, String problem) {
        if (present) {
            return;
        }
        if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
            fail(problem + " and " + REQUIRED_PROPERTY + "=true: fixture tests must run here"
                    + " (point -Diafbt.fixtures=DIR at the reference fixtures)");
        }
        abort(problem + ": skipped");
    }

    /** Where the fixtures should be, whether or not they are there. */
    private static Path location() {
        String configured = System.getProperty("iafbt.fixtures");
        Path dir = configured != null ? Paths.get(configured)
                : Paths.get("..", "..", "shared", "fixtures", "python-8.10");
        return dir.toAbsolutePath().normalize();
    }
}
