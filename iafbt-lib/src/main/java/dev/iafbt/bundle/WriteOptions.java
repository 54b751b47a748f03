package dev.iafbt.bundle;

import dev.iafbt.internal.bundle.BundleContainer;

/**
 * How a bundle is written.
 *
 * @param zstdLevel        1..22; the reference writes 19, and only 19 reproduces its bytes
 * @param summaryFirst     put the summary slot before the runs slot in a v2 envelope. Still a valid
 *                         envelope (the reference looks keys up by name), and it lets an index
 *                         read stop after the first kilobytes. Off by default, since it changes
 *                         the bytes the reference would write.
 */
public record WriteOptions(int zstdLevel, boolean summaryFirst) {
    public static final WriteOptions DEFAULT = new WriteOptions(BundleContainer.DEFAULT_ZSTD_LEVEL, false);

    public WriteOptions {
        if (zstdLevel < 1 || zstdLevel > 22) {
            throw new IllegalArgumentException("zstd level must be 1..22, got " + zstdLevel);
        }
    }

    public WriteOptions withZstdLevel(int level) {
        return new WriteOptions(level, summaryFirst);
    }

    public WriteOptions withSummaryFirst(boolean first) {
        return new WriteOptions(zstdLevel, first);
    }
}
