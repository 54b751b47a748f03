package dev.iafbt.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** The store kinds {@code migrate-store} knows, by the names the reference's CLI uses. */
public enum StoreKind {
    LOCAL_DIR("local-dir"),
    LOCAL_TIERED("local-tiered");

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

    /** Opens (creating folders as needed) the store of this kind at {@code root}. */
    public BacktestStore open(Path root) {
        return this == LOCAL_DIR ? new LocalDirStore(root) : new LocalTieredStore(root);
    }
}
