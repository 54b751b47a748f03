package dev.iafbt.index;

import dev.iafbt.index.IndexerConfigurationException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds or refreshes the Tier-1 SQLite index over a folder of bundles: the reference's
 * {@code iaf index DIRECTORY} / {@code build_index}, file-compatible with it.
 *
 * <pre>{@code
 * IndexResult result = Indexer.builder(Path.of("backtests"))
 *         .pruneMissing(true)
 *         .build()
 *         .run();
 * System.out.println(result.summary());
 * }</pre>
 *
 * <p>What it does as the reference does: a recursive walk for {@code *.iafbt} in the reference's
 * sort order (by Unicode code point, as Python sorts paths); {@code bundle_path} relative to the folder, or absolute; an
 * incremental run skips a bundle whose {@code (mtime_ns, size)} equal its row's; a rebuild starts
 * from an empty file; a bundle that cannot be read is reported and skipped, and its old row stays.
 * Rows are written in walk order, so the row (insertion) order equals the reference's.
 *
 * <p>Where it goes further: decoding runs on several threads while one thread writes batched
 * transactions (the reference commits once per row); provenance is compared against one bulk
 * SELECT instead of one query per file; {@link Builder#pruneMissing} drops rows whose bundle is
 * gone (the reference only forgets them on a rebuild); directories named {@code *.iafbt} are not
 * bundles; and a non-empty file that is not SQLite is never replaced, even on a rebuild (the
 * reference unlinks it). Memory stays bounded whatever the folder size: the walk streams, at most
 * a few hundred decoded rows are in flight, and no document outlives its decode. See
 * {@link IndexerPipeline} for the threads.
 */
public final class Indexer {
    /** The index file name the reference uses beside the bundles, {@code DEFAULT_INDEX_NAME}. */
    public static final String DEFAULT_INDEX_NAME = "index.sqlite";

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path bundles;
    private final Path output;
    /** A {@code jdbc:postgresql:} index in place of {@link #output}, or null. */
    private final String database;
    private final IndexCredentials credentials;
    private final boolean absolutePaths;
    private final boolean rebuild;
    private final boolean pruneMissing;
    private final int threads;
    private final int batchSize;
    private final Duration progressInterval;
    private final IndexListener listener;
    private final RowDecoder decoder;

    private Indexer(Builder b) {
        bundles = b.bundles.toAbsolutePath().normalize();
        output = (b.output == null ? bundles.resolve(DEFAULT_INDEX_NAME) : b.output).toAbsolutePath().normalize();
        absolutePaths = b.absolutePaths;
        database = b.database;
        credentials = b.credentials;
        rebuild = b.rebuild;
        pruneMissing = b.pruneMissing;
        threads = b.threads > 0 ? b.threads : Runtime.getRuntime().availableProcessors();
        batchSize = b.batchSize;
        progressInterval = b.progressInterval;
        listener = b.listener;
        decoder = b.decoder;
    }

    /** An indexer over {@code bundles}; by default it writes {@code <bundles>/index.sqlite}. */
    public static Builder builder(Path bundles) {
        return new Builder(bundles);
    }

    /** The folder that is scanned (absolute). */
    public Path bundles() {
        return bundles;
    }

    /** The index file that is written (absolute). */
    public Path output() {
        return output;
    }

    /**
     * Checks the folder and the index path without touching anything: the same checks
     * {@link #run()} starts with.
     *
     * @throws IndexerConfigurationException naming the path and what to change
     */
    public void validate() {
        if (!Files.exists(bundles)) {
            throw new IndexerConfigurationException(Problem.BUNDLES_MISSING, bundles,
                    "bundle folder " + bundles + " does not exist; pass the folder that holds the .iafbt files");
        }
        if (!Files.isDirectory(bundles)) {
            throw new IndexerConfigurationException(Problem.BUNDLES_NOT_A_FOLDER, bundles,
                    bundles + " is a file, not a folder; pass the folder that holds the .iafbt files"
                            + (bundles.getParent() == null ? "" : " (for example " + bundles.getParent() + ")"));
        }
        Optional<Path> store = TieredLayout.storeOf(bundles);
        if (store.isEmpty() && output != null && output.getParent() != null
                && output.getFileName().toString().equals(TieredLayout.INDEX_FILE)
                && TieredLayout.isStoreRoot(output.getParent())) {
            store = Optional.of(output.getParent());
        }
        if (store.isPresent()) {
            throw new IndexerConfigurationException(Problem.TIERED_STORE, store.get(), store.get()
                    + " is a tiered store: its index keeps one row per handle, and indexing "
                    + (output != null && store.get().equals(output.getParent()) ? "another folder into it" : "its bundles as a folder")
                    + " would add a second row per backtest; use the store (LocalTieredStore.indexRows(),"
                    + " and repair() to bring its index up to date)");
        }
        if (database != null) {
            return; // the server checks the rest when the index is opened
        }
        if (Files.isDirectory(output)) {
            throw new IndexerConfigurationException(Problem.INDEX_IS_A_FOLDER, output,
                    "index path " + output + " is a folder; pass the path of the .sqlite file to write,"
                            + " for example " + output.resolve(DEFAULT_INDEX_NAME));
        }
        if (Files.exists(output)) {
            if (!isSqliteOrEmpty(output)) {
                throw new IndexerConfigurationException(Problem.INDEX_NOT_SQLITE, output,
                        output + " exists and is not an SQLite database, so it was left alone; pass a"
                                + " different index path, or delete the file if it is not needed");
            }
            if (!Files.isWritable(output)) {
                throw new IndexerConfigurationException(Problem.INDEX_NOT_WRITABLE, output,
                        "index file " + output + " is read-only; make it writable or pass a different index path");
            }
        }
        Path folder = nearestExistingAncestor(output.getParent());
        if (folder != null && (!Files.isDirectory(folder) || !Files.isWritable(folder))) {
            throw new IndexerConfigurationException(Problem.INDEX_NOT_WRITABLE, folder,
                    "cannot write index " + output + ": " + folder + (Files.isDirectory(folder)
                            ? " is not a writable folder" : " is a file, not a folder")
                            + "; pass an index path in a folder you can write to");
        }
    }

    /**
     * Runs the indexer: validates, opens (incremental) or creates (rebuild, or no file yet) the
     * index, walks and writes, then prunes when asked. Failures of single bundles are collected in
     * the result; only a problem with the index file itself aborts the run.
     *
     * @throws IndexerConfigurationException when {@link #validate()} fails
     * @throws IndexException                when the index cannot be opened or written
     */
    public IndexResult run() {
        validate();
        long started = System.nanoTime();
        Path root;
        try {
            root = bundles.toRealPath(); // the reference resolves the folder
        } catch (IOException e) {
            throw new IndexException("cannot resolve bundle folder " + bundles + ": " + e, e);
        }
        if (database != null) {
            return runOnServer(root, started);
        }
        createIndexFolder();
        boolean incremental = !rebuild && Files.isRegularFile(output);
        // a new index is filled beside the old one and swapped in only when complete, so a crash
        // or a failure leaves the old index whole and a reader never sees a part of the new one
        try (SqliteIndex index = incremental ? SqliteIndex.open(output) : SqliteIndex.stage(output)) {
            IndexerPipeline pipeline = new IndexerPipeline(root, absolutePaths, index,
                    incremental ? index::provenance : HashMap::new, threads, batchSize,
                    progressInterval, listener, started, decoder);
            IndexerPipeline.Counts counts = pipeline.run();
            long removed = pruneMissing ? IndexerPruning.removeMissing(index, root, pipeline.unseen().keySet()) : 0;
            if (!incremental) {
                index.publish();
            }
            return new IndexResult(output, counts.indexed(), counts.unchanged(), removed,
                    counts.failures(), !incremental, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * The same run into a PostgreSQL index, always in place: other machines read and write the
     * table meanwhile, so it is never swapped. A rebuild reads every bundle again and then drops
     * every row the walk did not meet, so readers see the old rows until the new ones replace them.
     */
    private IndexResult runOnServer(Path root, long started) {
        try (PostgresIndex index = PostgresIndex.open(database, credentials)) {
            Supplier<Map<String, Provenance>> known = rebuild ? () -> neverUpToDate(index.provenance()) : index::provenance;
            IndexerPipeline pipeline = new IndexerPipeline(root, absolutePaths, index, known, threads, batchSize,
                    progressInterval, listener, started, decoder);
            IndexerPipeline.Counts counts = pipeline.run();
            long removed = rebuild ? index.remove(pipeline.unseen().keySet())
                    : pruneMissing ? IndexerPruning.removeMissing(index, root, pipeline.unseen().keySet()) : 0;
            return new IndexResult(null, counts.indexed(), counts.unchanged(), removed, counts.failures(), rebuild,
                    Duration.ofNanos(System.nanoTime() - started), index.location());
        }
    }

    /** The same rows with a provenance that matches nothing, so every bundle is read again. */
    private static Map<String, Provenance> neverUpToDate(Map<String, Provenance> stored) {
        Map<String, Provenance> out = new HashMap<>();
        stored.keySet().forEach(path -> out.put(path, new Provenance(null, null)));
        return out;
    }

    /** The index's folder; a folder that cannot be made (e.g. under {@code /proc}) is a configuration problem. */
    private void createIndexFolder() {
        try {
            Files.createDirectories(output.getParent());
        } catch (IOException e) {
            throw new IndexerConfigurationException(Problem.INDEX_NOT_WRITABLE, output.getParent(),
                    "cannot write index " + output + ": the folder " + output.getParent() + " cannot be created");
        }
    }

    private static boolean isSqliteOrEmpty(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            return head.length == 0 || Arrays.equals(head, SQLITE_HEADER);
        } catch (IOException e) {
            return true; // unreadable: let SQLite report the precise error
        }
    }

    private static Path nearestExistingAncestor(Path path) {
        Path p = path;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }

    /** Configuration; every setter returns the builder. */
    public static final class Builder {
        private final Path bundles;
        private Path output;
        private String database;
        private IndexCredentials credentials = IndexCredentials.NONE;
        private boolean absolutePaths;
        private boolean rebuild;
        private boolean pruneMissing;
        private int threads;
        private int batchSize = 500;
        private Duration progressInterval = Duration.ofSeconds(2);
        private IndexListener listener = IndexListener.NONE;
        private RowDecoder decoder = RowDecoder.BUNDLE;

        private Builder(Path bundles) {
            this.bundles = Objects.requireNonNull(bundles, "bundles");
        }

        /** The index file; default {@code <bundles>/index.sqlite}. Parent folders are created. */
        public Builder output(Path value) {
            output = value;
            return this;
        }

        /**
         * Write into a PostgreSQL index ({@code jdbc:postgresql://host:port/db?currentSchema=s})
         * instead of a SQLite file; {@code credentials} null means the environment's.
         */
        public Builder database(String jdbcUrl, IndexCredentials credentials) {
            if (!PostgresIndex.isPostgresUrl(jdbcUrl)) {
                throw new IllegalArgumentException("not a jdbc:postgresql: URL: " + PostgresUrl.withoutPassword(jdbcUrl));
            }
            database = jdbcUrl;
            this.credentials = credentials == null ? IndexCredentials.NONE : credentials;
            return this;
        }

        /** Store absolute, resolved {@code bundle_path}s instead of paths relative to the folder. */
        public Builder absolutePaths(boolean value) {
            absolutePaths = value;
            return this;
        }

        /** Start from an empty index instead of updating the existing one. */
        public Builder rebuild(boolean value) {
            rebuild = value;
            return this;
        }

        /** Drop rows whose bundle file no longer exists (beyond the reference). */
        public Builder pruneMissing(boolean value) {
            pruneMissing = value;
            return this;
        }

        /** Decoding threads; 0 (the default) means one per available processor. */
        public Builder threads(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("threads must be >= 0, got " + value);
            }
            threads = value;
            return this;
        }

        /** Rows per write transaction; default 500. */
        public Builder batchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, got " + value);
            }
            batchSize = value;
            return this;
        }

        /** How often {@link IndexListener#onProgress} is called at most; default 2 s. */
        public Builder progressInterval(Duration value) {
            progressInterval = Objects.requireNonNull(value, "progressInterval");
            return this;
        }

        public Builder listener(IndexListener value) {
            listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** Replaces how a bundle becomes a row: tests inject failures through it. */
        Builder decoder(RowDecoder value) {
            decoder = Objects.requireNonNull(value, "decoder");
            return this;
        }

        public Indexer build() {
            return new Indexer(this);
        }
    }
}
