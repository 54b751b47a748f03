package dev.iafbt.bundle;

/**
 * How a bundle is opened.
 *
 * @param summaryOnly          leave the runs, permutation tests and blobs undecoded until used:
 *                             what an index or a listing needs, at a fraction of the cost
 * @param maxDecompressedBytes refuse frames that claim more than this many decompressed bytes
 *                             (a decompression bomb, or a lying header); the reference's largest
 *                             real bundles hold about 6 MB of msgpack
 */
public record ReadOptions(boolean summaryOnly, long maxDecompressedBytes) {
    public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 512L * 1024 * 1024;
    public static final ReadOptions FULL = new ReadOptions(false, DEFAULT_MAX_DECOMPRESSED_BYTES);
    public static final ReadOptions SUMMARY_ONLY = new ReadOptions(true, DEFAULT_MAX_DECOMPRESSED_BYTES);

    public ReadOptions {
        if (maxDecompressedBytes <= 0) {
            throw new IllegalArgumentException("maxDecompressedBytes must be positive");
        }
    }

    public ReadOptions withMaxDecompressedBytes(long limit) {
        return new ReadOptions(summaryOnly, limit);
    }
}
