package dev.iafbt.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@link BacktestStore#verify()} found, or what {@link BacktestStore#repair()} fixed and
 * could not fix: every disagreement between a store's bundles (the source of truth), its index
 * rows, its Tier-2 partitions, its OHLCV chunks and its journal.
 *
 * @param store    the store: its folder, or its {@code s3://bucket/prefix/}
 * @param problems what is wrong now: all findings after {@code verify()}; after {@code repair()},
 *                 only what cannot be fixed from the bundles (missing chunks, unreadable bundles)
 * @param repaired what {@code repair()} fixed (empty after {@code verify()})
 */
public record StoreCheck(String store, List<Problem> problems, List<Problem> repaired) {
    public StoreCheck {
        problems = List.copyOf(problems);
        repaired = List.copyOf(repaired);
    }

    /** The kinds of disagreement, each with what {@code repair()} does about it. */
    public enum Kind {
        /** A write or delete was committed but a crash stopped it half-way: repair completes it. */
        INTERRUPTED_WRITE(true),
        /** A bundle without an index row: repair adds the row from the bundle. */
        MISSING_INDEX_ROW(true),
        /** An index row whose file time or size is not its bundle's: repair rewrites it from the bundle. */
        STALE_INDEX_ROW(true),
        /** An index row for a handle without a bundle: repair removes the row. */
        ORPHAN_INDEX_ROW(true),
        /** A Tier-2 partition the bundle's data needs is absent: repair writes it from the bundle. */
        MISSING_PARTITION(true),
        /** A Tier-2 partition differs from what the bundle gives: repair rewrites it from the bundle. */
        STALE_PARTITION(true),
        /** A Tier-2 partition for a handle without a bundle, or for a dataset the bundle has no rows for: repair removes it. */
        ORPHAN_PARTITION(true),
        /** A temp file a killed writer, migration or rebuild left: repair removes it. */
        TEMP_FILE(true),
        /** A chunk a bundle references is not there: data loss, which no repair from the bundles can undo. */
        MISSING_CHUNK(false),
        /** A chunk whose content no longer matches its SHA-256 name: data loss; repair leaves it for the user. */
        CORRUPT_CHUNK(false),
        /** A bundle that cannot be read: its rows and partitions are left as they are. */
        UNREADABLE_BUNDLE(false);

        private final boolean repairable;

        Kind(boolean repairable) {
            this.repairable = repairable;
        }

        public boolean repairable() {
            return repairable;
        }
    }

    /**
     * @param kind   what disagrees
     * @param handle the handle concerned, or null for a file that belongs to none (a temp file)
     * @param path   the file or object concerned
     * @param detail what exactly, in words
     */
    public record Problem(Kind kind, String handle, String path, String detail) {
        /** A problem of a file. */
        public Problem(Kind kind, String handle, Path path, String detail) {
            this(kind, handle, path.toString(), detail);
        }

        @Override
        public String toString() {
            return kind + (handle == null ? "" : " '" + handle + "'") + ": " + detail + " (" + path + ")";
        }
    }

    /** True when nothing disagrees. */
    public boolean consistent() {
        return problems.isEmpty();
    }

    /** One line: how many problems of which kind, and how many were repaired. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(problems.isEmpty() ? "consistent" : problems.size() + " problem(s)");
        for (Kind kind : Kind.values()) {
            long n = problems.stream().filter(p -> p.kind() == kind).count();
            if (n > 0) {
                text.append(text.indexOf(":") < 0 ? ": " : ", ").append(n).append(' ')
                        .append(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        }
        if (!repaired.isEmpty()) {
            text.append("; repaired ").append(repaired.size());
        }
        return text.append(" in ").append(store).toString();
    }
}
