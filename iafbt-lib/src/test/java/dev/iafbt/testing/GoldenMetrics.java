package dev.iafbt.testing;

import dev.iafbt.internal.json.PythonJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The locator of the reference's golden metric data ({@code ../shared/fixtures/python-8.10-metrics}
 * beside the project; surefire passes the path as {@code iafbt.metricsFixtures}): its fresh
 * recomputations of the fixtures, its edge-case bundles and {@code expected.json}. Read in place,
 * never copied; absent, a test skips (or fails under {@link ReferenceFixtures#REQUIRED_PROPERTY}),
 * exactly as for {@link ReferenceFixtures}.
 */
public final class GoldenMetrics {
    private static Map<String, Object> expected;

    private GoldenMetrics() {
    }

    public static Path dir() {
        Path dir = location();
        ReferenceFixtures.require(Files.isDirectory(dir), ReferenceFixtures.SKIP_MESSAGE_START
                + "s for metrics not found at " + dir);
        return dir;
    }

    /** {@code expected.json}, parsed once. */
    @SuppressWarnings("unchecked")
    public static synchronized Map<String, Object> expected() {
        if (expected == null) {
            Path file = dir().resolve("expected.json");
            ReferenceFixtures.require(Files.isRegularFile(file), ReferenceFixtures.SKIP_MESSAGE_START + " " + file + " not found");
            try {
                expected = (Map<String, Object>) PythonJson.loads(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return expected;
    }

    /**
     * Every bundle path that {@code expected.json} describes ({@code recomputed/…}, {@code edge/…}).
     * Without the golden data this skips the calling (parameterised) test, or fails it when
     * fixtures are required, rather than leaving it with no arguments.
     */
    @SuppressWarnings("unchecked")
    public static List<String> bundleNames() {
        dir();
        return List.copyOf(((Map<String, Object>) expected().get("bundles")).keySet());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> bundle(String name) {
        return (Map<String, Object>) ((Map<String, Object>) expected().get("bundles")).get(name);
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    private static Path location() {
        String configured = System.getProperty("iafbt.metricsFixtures");
        Path dir = configured != null ? Paths.get(configured)
                : Paths.get("..", "..", "shared", "fixtures", "python-8.10-metrics");
        return dir.toAbsolutePath().normalize();
    }
}
