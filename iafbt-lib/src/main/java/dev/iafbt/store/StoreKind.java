package dev.iafbt.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** The store kinds {@code migrate-store} knows, by the names the reference's CLI uses. */
public enum StoreKind {
    LOCAL_DIR("local-dir"),
    LOCAL_TIERED("local-tiered"),
    /** {@link ObjectTieredStore} under {@code s3://bucket/prefix}; opened from its S3 settings, not a folder. */
    S3_TIERED("s3-tiered");

    private final String id;

    StoreKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws StoreException naming the unknown kind and the known ones */
    public static StoreKind of(String id) {
        for (StoreKind kind : values()) {
            if (kind.id.equals(id == null ? null : id.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new StoreException("unknown store kind '" + id + "'; expected one of "
                + Arrays.stream(values()).map(StoreKind::id).toList());
    }

    /** Whether the store lives in a local folder (else on object storage). */
    public boolean isLocal() {
        return this != S3_TIERED;
    }

    /**
     * Opens (creating folders as needed) the local store of this kind at {@code root}.
     *
     * @throws StoreException for {@link #S3_TIERED}, which needs an {@code s3://} location
     */
    public BacktestStore open(Path root) {
        return switch (this) {
            case LOCAL_DIR -> new LocalDirStore(root);
            case LOCAL_TIERED -> new LocalTieredStore(root);
            case S3_TIERED -> throw new StoreException("an s3-tiered store is opened from an s3://bucket/prefix"
                    + " location and its S3 settings, not from the folder " + root);
        };
    }
}
