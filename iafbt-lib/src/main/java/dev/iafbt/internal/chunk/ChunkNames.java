package dev.iafbt.internal.chunk;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Names of side-store chunks: the lowercase hex SHA-256 of the file's bytes plus
 * {@code .parquet}. Nothing else is ever accepted as a chunk name, which is also
 * what keeps a hostile manifest from reaching outside the store ({@code ../x.parquet}, absolute
 * paths, other file types).
 */
public final class ChunkNames {
    /** The only accepted shape of a chunk name. */
    public static final Pattern VALID = Pattern.compile("^[0-9a-f]{64}\\.parquet$");

    private static final String SUFFIX = ".parquet";

    private ChunkNames() {
    }

    /** The reference's default side store folder ({@code store_dir}), next to the bundle. */
    public static final String DEFAULT_STORE_DIR = "ohlcv";

    /** The message part saying what a valid name looks like, for callers' exceptions. */
    public static final String EXPECTED = "expected 64 lowercase hex digits of SHA-256 + \".parquet\"";

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** The chunk name content-addressing gives these bytes. */
    public static String forContent(byte[] bytes) {
        return sha256Hex(bytes) + SUFFIX;
    }

    /** The hash part of a valid name. */
    public static String hashOf(String name) {
        return name.substring(0, name.length() - SUFFIX.length());
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
