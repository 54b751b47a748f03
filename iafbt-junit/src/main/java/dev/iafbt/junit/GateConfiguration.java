package dev.iafbt.junit;

import dev.iafbt.check.CheckSettings;
import dev.iafbt.check.RoundTripCache;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The configuration parameters of the gates and how they are looked up. Inside the extension they
 * come from {@code ExtensionContext.getConfigurationParameter} (launcher request, then system
 * properties, then {@code junit-platform.properties}); a plain {@code @TestFactory} has no context,
 * so {@link #platformDefaults()} reproduces the last two steps of that order itself.
 */
public final class GateConfiguration {
    /** Re-encode every bundle and require identical bytes (default true). */
    public static final String ROUND_TRIP = "iafbt.gate.roundTrip";
    /** Let a gate whose patterns match no bundle pass as skipped instead of failing (default false). */
    public static final String ALLOW_EMPTY = "iafbt.gate.allowEmpty";
    /** Bundles opened at once (default: available processors, at most 4). */
    public static final String PARALLELISM = "iafbt.gate.parallelism";
    /** Directory that relative bundle patterns and baseline files resolve against (default: the working directory, which Surefire sets to the module). */
    public static final String BASE_DIR = "iafbt.gate.baseDir";
    /** Relative slack of a baseline comparison, 0.05 = 5% of the baseline value (default 0). */
    public static final String BASELINE_TOLERANCE = "iafbt.gate.baseline.tolerance";
    /** {@code fail} (default) or {@code skip}: how bundles without a baseline entry, and entries without a bundle, are reported. */
    public static final String BASELINE_UNMATCHED = "iafbt.gate.baseline.unmatched";
    /** The one switch that rewrites baseline files from the current bundles (default false); the same for {@code iafbt:check}. */
    public static final String BASELINE_UPDATE = CheckSettings.BASELINE_UPDATE;
    /**
     * Where verified round trips are remembered across runs, relative to the base directory
     * (default {@value RoundTripCache#DEFAULT_DIRECTORY}); {@code none} remembers them only while
     * the JVM runs.
     */
    public static final String ROUND_TRIP_CACHE = "iafbt.gate.roundTrip.cache";

    private final Function<String, Optional<String>> lookup;

    GateConfiguration(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /** System properties first, then {@code junit-platform.properties} on the class path. */
    public static Function<String, Optional<String>> platformDefaults() {
        Properties file = platformPropertiesFile();
        return key -> Optional.ofNullable(System.getProperty(key)).or(() -> Optional.ofNullable(file.getProperty(key)));
    }

    private static Properties platformPropertiesFile() {
        Properties properties = new Properties();
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(GateConfiguration.class.getClassLoader());
        URL url = loader.getResource("junit-platform.properties");
        if (url != null) {
            try (InputStream in = url.openStream()) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + url + ": " + e.getMessage(), e);
            }
        }
        return properties;
    }

    Optional<String> get(String key) {
        return lookup.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    boolean bool(String key, boolean fallback) {
        return get(key).map(value -> parseBoolean(key, value)).orElse(fallback);
    }

    int positiveInt(String key, int fallback) {
        return get(key).map(value -> {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed > 0) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // reported below with the key's name
            }
            throw new IllegalArgumentException(key + " must be a positive integer, but is '" + value + "'");
        }).orElse(fallback);
    }

    double nonNegativeDouble(String key, double fallback) {
        return get(key).map(value -> {
            try {
                double parsed = Double.parseDouble(value);
                if (parsed >= 0 && Double.isFinite(parsed)) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // reported below with the key's name
            }
            throw new IllegalArgumentException(key + " must be a finite number >= 0, but is '" + value + "'");
        }).orElse(fallback);
    }

    /** Strict, unlike Boolean.parseBoolean: a typo must not silently turn a switch off. */
    private static boolean parseBoolean(String key, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException(key + " must be true or false, but is '" + value + "'");
        }
    }
}
