package dev.iafbt.check;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Maps inputs on a small thread pool while handing results out strictly in input order. At most
 * {@value #MIN_WINDOW} (or {@code 4 x threads}) results are in flight or waiting, so memory stays
 * bounded however many bundles a gate reads — only {@code threads} inputs are being worked on at
 * once, and a finished result is small — and JUnit still sees one deterministic sequence of tests
 * on its own thread (its reporting is not thread-safe for dynamic tests registered from elsewhere).
 * The window is that wide because one slow input at the head (a large bundle's zstd-19 re-encode
 * takes seconds) must not leave the other threads idle once they have finished the few inputs
 * behind it: with a window of {@code 2 x threads}, a gate over four large bundles on two cores
 * ran on one core for most of its time.
 */
final class LookaheadIterator<T, R> implements Iterator<R> {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final int MIN_WINDOW = 64;

    private final Iterator<T> inputs;
    private final Function<T, R> work;
    private final int window;
    private final ArrayDeque<CompletableFuture<R>> pending = new ArrayDeque<>();
    private ExecutorService pool;

    LookaheadIterator(List<T> inputs, Function<T, R> work, int threads) {
        this.inputs = inputs.iterator();
        this.work = work;
        this.window = Math.max(MIN_WINDOW, 4 * threads);
        if (!inputs.isEmpty()) {
            this.pool = Executors.newFixedThreadPool(Math.min(threads, inputs.size()), daemonThreads());
        }
    }

    @Override
    public boolean hasNext() {
        fill();
        return !pending.isEmpty();
    }

    @Override
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CompletableFuture<R> head = pending.removeFirst();
        fill();
        try {
            return head.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private void fill() {
        while (pending.size() < window && inputs.hasNext()) {
            T input = inputs.next();
            pending.addLast(CompletableFuture.supplyAsync(() -> work.apply(input), pool));
        }
        if (pending.isEmpty() && pool != null) {
            pool.shutdown();
            pool = null;
        }
    }

    /** Daemon threads: a test run aborted half-way must not keep the JVM alive. */
    private static ThreadFactory daemonThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "iafbt-check-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
