package dev.iafbt.model;

import dev.iafbt.bundle.WriteOptions;
import dev.iafbt.internal.bundle.BundleContainer;

/**
 * How {@link Backtest#save} writes.
 *
 * @param formatVersion 1 or 2, or null to keep the version the bundle has (a new bundle is v2)
 * @param write         zstd level and the summary-first layout
 */
public record SaveOptions(Integer formatVersion, WriteOptions write) {
    public static final SaveOptions DEFAULT = new SaveOptions(null, WriteOptions.DEFAULT);

    public SaveOptions {
        if (formatVersion != null && (formatVersion < 1 || formatVersion > BundleContainer.LATEST_VERSION)) {
            throw new IllegalArgumentException("format version must be 1 or 2, got " + formatVersion);
        }
    }

    public static SaveOptions v1() {
        return DEFAULT.withFormatVersion(1);
    }

    public static SaveOptions v2() {
        return DEFAULT.withFormatVersion(2);
    }

    public SaveOptions withFormatVersion(int version) {
        return new SaveOptions(version, write);
    }

    public SaveOptions withZstdLevel(int level) {
        return new SaveOptions(formatVersion, write.withZstdLevel(level));
    }

    public SaveOptions withSummaryFirst(boolean summaryFirst) {
        return new SaveOptions(formatVersion, write.withSummaryFirst(summaryFirst));
    }
}
