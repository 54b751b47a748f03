package dev.iafbt.bundle;

import dev.iafbt.internal.bundle.BundleContainer;
import dev.iafbt.internal.bundle.MsgpackDecoder;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A bundle as a document tree: the source of truth. Typed views read from the tree and edits write
 * into it; saving encodes the tree again, so a bundle opened and saved unchanged comes out byte for
 * byte as it was (fixtures README). The tree is v1-shaped ({@code {format_version, backtest,
 * ohlcv?}}) or a v2 envelope, according to {@link #formatVersion()}.
 */
public final class Bundle {
    /** The file extension of a bundle, the reference's {@code BUNDLE_EXT}; defined here only. */
    public static final String EXTENSION = ".iafbt";

    private final int formatVersion;
    private final DocMap document;
    private final Path source;
    private final boolean summaryOnly;
    private final boolean headOnly;

    public Bundle(int formatVersion, DocMap document, Path source, boolean summaryOnly) {
        this(formatVersion, document, source, summaryOnly, false);
    }

    private Bundle(int formatVersion, DocMap document, Path source, boolean summaryOnly, boolean headOnly) {
        if (formatVersion < 0 || formatVersion > BundleContainer.LATEST_VERSION) {
            throw new IllegalArgumentException("unsupported format version " + formatVersion);
        }
        this.formatVersion = formatVersion;
        this.document = Objects.requireNonNull(document, "document");
        this.source = source;
        this.summaryOnly = summaryOnly;
        this.headOnly = headOnly;
    }

    /** A bundle of which only the head was read: see {@link BundleReader#readHead}. */
    static Bundle headOnly(int formatVersion, DocMap head, Path source) {
        return new Bundle(formatVersion, head, source, true, true);
    }

    public static Bundle of(int formatVersion, DocMap document) {
        return new Bundle(formatVersion, document, null, false);
    }

    /** The header version: 0 and 1 both mean the v1 document shape, as in the reference. */
    public int formatVersion() {
        return formatVersion;
    }

    public boolean isV2() {
        return formatVersion >= 2;
    }

    /** The root map. Mutable: changes are what a later save writes. */
    public DocMap document() {
        return document;
    }

    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /** How errors name this bundle: its path, or "document" when it came from memory. */
    public String sourceName() {
        return source == null ? "document" : source.toString();
    }

    /** True when opened summary-only: some subtrees are {@link RawMsgpack} until resolved. */
    public boolean isSummaryOnly() {
        return summaryOnly;
    }

    /**
     * True when only the head was read (identity, parameters, summary, run count): such a bundle
     * cannot be saved, and its runs cannot be read from it.
     */
    public boolean isHeadOnly() {
        return headOnly;
    }

    /**
     * The value at {@code key} of {@code map}, decoded if it was skipped by a summary-only open.
     * The decoded value replaces the raw one, so it is decoded once and later edits stick.
     */
    public Object resolve(DocMap map, String key) {
        Object value = map.get(key);
        if (value instanceof RawMsgpack raw) {
            if (headOnly && raw.length() == 0) {
                throw new IllegalStateException(sourceName() + ": only the head of this bundle was read (for"
                        + " indexing); open it with Backtest.open or Backtest.openSummary to read '" + key + "'");
            }
            value = MsgpackDecoder.decode(raw, sourceName());
            map.put(key, value);
        }
        return value;
    }
}
