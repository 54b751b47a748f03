package dev.iafbt.check;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * Which bundles of a sweep a rule applies to: those whose path (relative to the project, with
 * forward slashes) matches a glob, and/or whose tag is the given one. A sweep often mixes
 * families of strategies that deserve different bars.
 *
 * @param pathGlob e.g. {@code backtests/momentum/**}; null for any path
 * @param tag the bundle's tag as the reference writes it; null for any tag
 */
public record BundleSelection(String pathGlob, String tag) {
    /** Every bundle. */
    public static final BundleSelection ALL = new BundleSelection(null, null);

    public BundleSelection {
        pathGlob = pathGlob == null || pathGlob.isBlank() ? null : pathGlob.trim().replace('\\', '/');
        tag = tag == null || tag.isBlank() ? null : tag.trim();
        if (pathGlob != null) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + pathGlob);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + pathGlob + "' is no valid file pattern: " + e.getMessage(), e);
            }
        }
    }

    /** Bundles whose relative path matches {@code glob}. */
    public static BundleSelection files(String glob) {
        return new BundleSelection(glob, null);
    }

    /** Bundles tagged {@code tag}. */
    public static BundleSelection tagged(String tag) {
        return new BundleSelection(null, tag);
    }

    /** Whether the bundle at {@code relativeName} (forward slashes) with {@code bundleTag} is selected. */
    public boolean matches(String relativeName, String bundleTag) {
        if (tag != null && !tag.equals(bundleTag)) {
            return false;
        }
        if (pathGlob == null) {
            return true;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pathGlob);
        return matcher.matches(Path.of(relativeName));
    }

    /** How it reads after a rule: {@code  [files backtests/momentum/**, tag momentum]}; empty for every bundle. */
    String describe() {
        if (pathGlob == null && tag == null) {
            return "";
        }
        return " [" + (pathGlob == null ? "" : "files " + pathGlob) + (pathGlob != null && tag != null ? ", " : "")
                + (tag == null ? "" : "tag " + tag) + "]";
    }
}
