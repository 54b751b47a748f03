package dev.iafbt.index;

import dev.iafbt.IafbtException;
import dev.iafbt.internal.index.IndexScan;
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
import java.util.concurrent.TimeoutException;
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
 *   <li>the <b>writer</b>, the calling thread and the only one touching the index, takes the futures
 *       in order and writes rows in transactions of {@code batchSize}.</li>
 * </ol>
 *
 * The queue bounds memory (at most its capacity of rows in flight) and keeps rows in walk order,
 * so the resulting rowid order is the reference's. The writer reads the stored provenance (one
 * SELECT) while the scanner is already listing and stat'ing; the scanner removes each path it sees
 * from that map, which afterwards holds exactly the rows the walk did not meet (for pruning).
 *
 * <p>Failures: what one bundle can cause (any {@link RuntimeException}, a {@link StackOverflowError}
 * from a deeply nested document) is a failed bundle and the run goes on. Any other {@link Error}
 * in any pipeline thread, and a thread that dies without finishing its work, ends the run at the
 * writer's next look (it never waits more than {@link #POLL_NANOS} without looking) with an
 * {@link IndexException} that keeps the cause; the batch being collected is not written, so the
 * index holds only whole batches.
 */
final class IndexerPipeline {
    record Counts(long indexed, long unchanged, List<IndexFailure> failures) {
    }

    /** A decoded row, a failed bundle, or an error that ends the run, in walk order. */
    private record Outcome(IndexRow row, IndexFailure failure, Path file, Error fatal) {
        static Outcome row(IndexRow row) {
            return new Outcome(row, null, null, null);
        }

        static Outcome failed(IndexFailure failure) {
            return new Outcome(null, failure, null, null);
        }
    }

    /** The longest the writer waits for anything before checking that the other threads live. */
    private static final long POLL_NANOS = 200_000_000L;

    private static final Future<Outcome> END = CompletableFuture.completedFuture(null);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Path root;
    private final boolean absolutePaths;
    private final BacktestIndex index;
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
    /** The first throwable that escaped a pipeline thread (its uncaught-exception handler). */
    private volatile Throwable threadDeath;
    private final RowDecoder decoder;

    IndexerPipeline(Path root, boolean absolutePaths, BacktestIndex index,
            Supplier<Map<String, Provenance>> provenance,
            int threads, int batchSize, Duration progressInterval, IndexListener listener, long started,
            RowDecoder decoder) {
        this.root = root;
        this.absolutePaths = absolutePaths;
        this.index = index;
        this.provenance = provenance;
        this.threads = threads;
        this.batchSize = batchSize;
        this.progressNanos = progressInterval.toNanos();
        this.listener = listener;
        this.started = started;
        this.decoder = decoder;
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
                Future<Outcome> next = inFlight.poll(Math.max(1, Math.min(progressNanos, POLL_NANOS)),
                        TimeUnit.NANOSECONDS);
                if (next == END) {
                    break;
                }
                checkThreadsAlive();
                if (next != null) {
                    Outcome outcome = await(next);
                    if (outcome.fatal() != null) {
                        throw fatal(outcome.file(), outcome.fatal());
                    }
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
            throw new IndexException("indexing into " + index.location() + " was interrupted", e);
        } finally {
            scanner.interrupt();
            inFlight.clear(); // unblocks a scanner waiting to put, so it sees the interrupt
            decoders.shutdownNow();
        }
        if (scanError instanceof Error error) {
            throw fatal(root, error);
        }
        if (scanError != null) {
            throw new IndexException("indexing into " + index.location() + " failed while scanning "
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
                    inFlight.put(decoders.submit(() -> decode(decoder, file, bundlePath, mtimeNs, size)));
                }

                @Override
                public void unreadable(Path path, IOException error) throws InterruptedException {
                    scanned.incrementAndGet();
                    inFlight.put(CompletableFuture.completedFuture(Outcome.failed(
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

    private static Outcome decode(RowDecoder decoder, Path file, String bundlePath, long mtimeNs, long size) {
        try {
            return Outcome.row(decoder.decode(file, bundlePath, mtimeNs, size));
        } catch (RuntimeException | StackOverflowError e) {
            // IafbtException messages name the file already; anything else gets its type named
            String reason = e instanceof IafbtException ? e.getMessage() : e.toString();
            return Outcome.failed(new IndexFailure(file, withoutPathPrefix(reason, file)));
        } catch (Error e) {
            return new Outcome(null, null, file, e); // the writer ends the run, naming the bundle
        }
    }

    /** The failure already carries the path; "path: what" messages need not repeat it. */
    static String withoutPathPrefix(String reason, Path file) {
        String prefix = file + ": ";
        return reason != null && reason.startsWith(prefix) && reason.length() > prefix.length()
                ? reason.substring(prefix.length()) : String.valueOf(reason);
    }

    /** Waits for one decode, looking every {@link #POLL_NANOS} whether a pipeline thread died. */
    private Outcome await(Future<Outcome> future) throws InterruptedException {
        while (true) {
            try {
                return future.get(POLL_NANOS, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                checkThreadsAlive();
            } catch (ExecutionException e) {
                // decode() catches everything it can attribute to a bundle; this is the pool itself
                Throwable cause = e.getCause();
                throw new IndexException("indexing into " + index.location() + " stopped: a decoder thread failed with "
                        + cause + "; no unfinished batch was written", cause);
            }
        }
    }

    /**
     * A thread that died without handing over its work would leave the writer waiting forever:
     * its uncaught-exception handler recorded why, and the run ends here with that cause.
     */
    private void checkThreadsAlive() {
        if (scanError instanceof Error error) {
            throw fatal(root, error);
        }
        Throwable death = threadDeath;
        if (death != null) {
            throw new IndexException("indexing into " + index.location() + " stopped: a pipeline thread died with "
                    + death + "; no unfinished batch was written", death);
        }
    }

    private IndexException fatal(Path file, Error error) {
        return new IndexException("indexing into " + index.location() + " stopped at " + file + ": " + error
                + "; no unfinished batch was written", error);
    }

    private ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix.endsWith("-") ? prefix + n.incrementAndGet() : prefix);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> {
                if (threadDeath == null) {
                    threadDeath = e;
                }
            });
            return t;
        };
    }
}
