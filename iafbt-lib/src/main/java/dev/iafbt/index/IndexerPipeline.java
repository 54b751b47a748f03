package dev.iafbt.index;

import dev.iafbt.IafbtException;
import dev.iafbt.internal.index.IndexScan;
import dev.iafbt.model.Backtest;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One indexing pass as a bounded, ordered pipeline:
 *
 * <ol>
 *   <li>a <b>scan</b> thread walks the folder ({@link IndexScan}), compares each bundle's
 *       {@code (mtime_ns, size)} with the provenance read in one SELECT, counts the unchanged
 *       ones, and submits the others to the decoders, putting each decode's future into a bounded
 *       queue in walk order;</li>
 *   <li><b>decoder</b> threads (one per core by default) open each bundle summary-only and turn it
 *       into an {@link IndexRow}; the document is garbage as soon as the row exists;</li>
 *   <li>the <b>writer</b>, the calling thread and the only one touching SQLite, takes the futures
 *       in order and writes rows in transactions of {@code batchSize}.</li>
 * </ol>
 *
 * The queue bounds memory (at most its capacity of rows in flight) and keeps rows in walk order,
 * so the resulting rowid order is the reference's. The writer reads the stored provenance (one
 * SELECT) while the scanner is already listing and stat'ing; the scanner removes each path it sees
 * from that map, which afterwards holds exactly the rows the walk did not meet (for pruning).
 */
final class IndexerPipeline {
    record Counts(long indexed, long unchanged, List<IndexFailure> failures) {
    }

    /** A decoded row or a failure, in walk order. */
    private record Outcome(IndexRow row, IndexFailure failure) {
    }

    private static final Future<Outcome> END = CompletableFuture.completedFuture(null);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Path root;
    private final boolean absolutePaths;
    private final SqliteIndex index;
    private final Supplier<Map<String, Provenance>> provenance;
    private final CompletableFuture<Map<String, Provenance>> known = new CompletableFuture<>();
    private final int threads;
    private final int batchSize;
    private final long progressNanos;
    private final IndexListener listener;
    private final long started;

    private final BlockingQueue<Future<Outcome>> inFlight;
    private final AtomicLong scanned = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private volatile boolean scanComplete;
    private volatile Throwable scanError;

    IndexerPipeline(Path root, boolean absolutePaths, SqliteIndex index,
            Supplier<Map<String, Provenance>> provenance,
            int threads, int batchSize, Duration progressInterval, IndexListener listener, long started) {
        this.root = root;
        this.absolutePaths = absolutePaths;
        this.index = index;
        this.provenance = provenance;
        this.threads = threads;
        this.batchSize = batchSize;
        this.progressNanos = progressInterval.toNanos();
        this.listener = listener;
        this.started = started;
        this.inFlight = new ArrayBlockingQueue<>(Math.max(256, threads * 64));
    }

    Counts run() {
        int pool = POOLS.incrementAndGet();
        ExecutorService decoders = Executors.newFixedThreadPool(threads, daemon("iafbt-index-" + pool + "-decode-"));
        Thread scanner = daemon("iafbt-index-" + pool + "-scan").newThread(() -> scan(decoders));
        long indexed = 0;
        List<IndexFailure> failures = new ArrayList<>();
        List<IndexRow> batch = new ArrayList<>(batchSize);
        long lastProgress = System.nanoTime();
        scanner.start();
        try {
            // read on this thread (it owns the connection) while the scanner lists and stats
            try {
                known.complete(provenance.get());
            } catch (RuntimeException | Error e) {
                known.completeExceptionally(e);
                throw e;
            }
            while (true) {
                Future<Outcome> next = inFlight.poll(Math.max(1, Math.min(progressNanos, 200_000_000L)),
                        TimeUnit.NANOSECONDS);
                if (next == END) {
                    break;
                }
                if (next != null) {
                    Outcome outcome = await(next);
                    if (outcome.row() != null) {
                        batch.add(outcome.row());
                        if (batch.size() >= batchSize) {
                            indexed += index.upsertAll(batch);
                            batch.clear();
                        }
                    } else {
                        failures.add(outcome.failure());
                        listener.onFailure(outcome.failure());
                    }
                }
                long now = System.nanoTime();
                if (now - lastProgress >= progressNanos) {
                    lastProgress = now;
                    listener.onProgress(progress(indexed, failures.size()));
                }
            }
            indexed += index.upsertAll(batch);
            scanner.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexException("indexing into " + index.path() + " was interrupted", e);
        } finally {
            scanner.interrupt();
            inFlight.clear(); // unblocks a scanner waiting to put, so it sees the interrupt
            decoders.shutdownNow();
        }
        if (scanError != null) {
            throw new IndexException("indexing into " + index.path() + " failed while scanning "
                    + root + ": " + scanError, scanError);
        }
        return new Counts(indexed, unchanged.get(), failures);
    }

    /** After {@link #run()}: the rows the walk did not meet, with their provenance. */
    Map<String, Provenance> unseen() {
        return known.join();
    }

    private IndexProgress progress(long indexed, long failed) {
        return new IndexProgress(scanned.get(), indexed, unchanged.get(), failed, scanComplete,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private void scan(ExecutorService decoders) {
        try {
            IndexScan.walk(root, new IndexScan.Visitor() {
                @Override
                public void bundle(Path file, String relative, BasicFileAttributes attrs)
                        throws InterruptedException {
                    scanned.incrementAndGet();
                    String bundlePath = absolutePaths ? file.toString() : relative;
                    long mtimeNs = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                    long size = attrs.size();
                    Provenance stored = known.join().remove(bundlePath);
                    if (stored != null && stored.matches(mtimeNs, size)) {
                        unchanged.incrementAndGet();
                        return;
                    }
                    inFlight.put(decoders.submit(() -> decode(file, bundlePath, mtimeNs, size)));
                }

                @Override
                public void unreadable(Path path, IOException error) throws InterruptedException {
                    scanned.incrementAndGet();
                    inFlight.put(CompletableFuture.completedFuture(new Outcome(null,
                            new IndexFailure(path, "cannot read: " + error))));
                }
            });
        } catch (InterruptedException | CompletionException e) {
            return; // the writer gave up, or could not read the provenance; it reports why
        } catch (RuntimeException | Error e) {
            scanError = e;
        }
        scanComplete = true;
        try {
            inFlight.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Outcome decode(Path file, String bundlePath, long mtimeNs, long size) {
        try {
            Backtest backtest = Backtest.openForIndex(file);
            return new Outcome(IndexRows.fromBacktest(backtest, bundlePath, mtimeNs, size), null);
        } catch (RuntimeException | StackOverflowError e) {
            // IafbtException messages name the file already; anything else gets its type named
            String reason = e instanceof IafbtException ? e.getMessage() : e.toString();
            return new Outcome(null, new IndexFailure(file, withoutPathPrefix(reason, file)));
        }
    }

    /** The failure already carries the path; "path: what" messages need not repeat it. */
    static String withoutPathPrefix(String reason, Path file) {
        String prefix = file + ": ";
        return reason != null && reason.startsWith(prefix) && reason.length() > prefix.length()
                ? reason.substring(prefix.length()) : String.valueOf(reason);
    }

    private static Outcome await(Future<Outcome> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("decoder failed unexpectedly", cause);
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix.endsWith("-") ? prefix + n.incrementAndGet() : prefix);
            t.setDaemon(true);
            return t;
        };
    }
}
