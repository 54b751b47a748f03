package dev.iafbt.store;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.BundleReader;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.internal.bundle.MsgpackEncoder;
import dev.iafbt.bundle.ReadOptions;
import dev.iafbt.model.Backtest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies backtests from one store to another, incrementally: a handle whose destination already
 * holds the same document (apart from where its chunk folder is) with every OHLCV chunk present,
 * and in a tiered store its index row, is skipped, so an interrupted migration is resumed by
 * running it again (the reference rewrites everything). A handle missing in the source is
 * reported and skipped; a handle that fails is reported and the others still copy.
 */
public final class StoreMigration {
    /** Hears about each handle as it is done (for progress lines). */
    public interface Listener {
        void onHandle(String handle, Outcome outcome, String detail);
    }

    /** What happened to one handle. */
    public enum Outcome { COPIED, UNCHANGED, MISSING, FAILED }

    /**
     * @param copied    handles written to the destination
     * @param unchanged handles skipped because the destination already had them
     * @param missing   requested handles the source does not have
     * @param failed    one {@code "<handle>: <reason>"} per handle that could not be copied
     */
    public record Result(List<String> copied, List<String> unchanged, List<String> missing, List<String> failed) {
        public Result {
            copied = List.copyOf(copied);
            unchanged = List.copyOf(unchanged);
            missing = List.copyOf(missing);
            failed = List.copyOf(failed);
        }
    }

    private final BacktestStore source;
    private final BacktestStore destination;

    public StoreMigration(BacktestStore source, BacktestStore destination) {
        this.source = source;
        this.destination = destination;
    }

    /** @param handles the handles to copy, or null for every handle of the source */
    public Result run(Collection<String> handles, Listener listener) {
        return run(handles, listener, 1);
    }

    /**
     * Like {@link #run(Collection, Listener)} with {@code writers} handles copied at a time (an
     * object store's requests wait on the network, not the CPU). The listener is called by one
     * thread at a time; the result lists handles in the order given.
     */
    public Result run(Collection<String> handles, Listener listener, int writers) {
        List<String> all = List.copyOf(handles == null ? source.handles() : handles);
        List<java.util.concurrent.Future<Done>> pending = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, writers));
        try {
            for (String handle : all) {
                pending.add(pool.submit(() -> {
                    Done done = migrate(handle);
                    synchronized (listener) {
                        listener.onHandle(handle, done.outcome(), done.detail());
                    }
                    return done;
                }));
            }
            List<String> copied = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Done done = await(pending.get(i));
                String handle = all.get(i);
                switch (done.outcome()) {
                    case COPIED -> copied.add(handle);
                    case UNCHANGED -> unchanged.add(handle);
                    case MISSING -> missing.add(handle);
                    default -> failed.add(handle + ": " + done.detail());
                }
            }
            return new Result(copied, unchanged, missing, failed);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Done(Outcome outcome, String detail) {
    }

    private Done migrate(String handle) {
        try {
            if (!source.exists(handle)) {
                return new Done(Outcome.MISSING, null);
            }
            if (alreadyThere(handle)) {
                return new Done(Outcome.UNCHANGED, null);
            }
            StoreCopy.copy(source, handle, destination);
            return new Done(Outcome.COPIED, null);
        } catch (RuntimeException e) {
            return new Done(Outcome.FAILED, e.getMessage());
        }
    }

    private static Done await(java.util.concurrent.Future<Done> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("migration interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new StoreException("migration failed: " + e.getCause(), e.getCause());
        }
    }

    /** Parses {@code "a, b,,c"} into {@code [a, b, c]}, as the reference's {@code --handles}. */
    public static List<String> parseHandles(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return null;
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private boolean alreadyThere(String handle) {
        Optional<Path> target = destination.bundleFile(handle);
        Optional<Path> origin = source.bundleFile(handle);
        if (target.isEmpty() || origin.isEmpty()) {
            return false;
        }
        if (destination instanceof LocalTieredStore tiered && !tiered.hasIndexRow(handle)
                || destination instanceof ObjectTieredStore objects && !objects.hasIndexRow(handle)) {
            return false;
        }
        Bundle have;
        try {
            have = BundleReader.read(target.get(), ReadOptions.FULL);
        } catch (RuntimeException e) {
            return false; // a damaged destination bundle is simply rewritten
        }
        Bundle want = BundleReader.read(origin.get(), ReadOptions.FULL);
        if (have.formatVersion() != want.formatVersion()
                || !Arrays.equals(encodeWithoutStoreDir(have), encodeWithoutStoreDir(want))) {
            return false;
        }
        // an object store is asked (a HEAD each): its ohlcvDirectory would fetch every chunk
        java.util.function.Predicate<String> stored = destination instanceof ObjectTieredStore objects
                ? objects::hasChunk : name -> Files.isRegularFile(destination.ohlcvDirectory(handle).resolve(name));
        return ChunkPlacement.manifest(Backtest.of(have)).values().stream()
                .allMatch(name -> name instanceof String s && stored.test(s));
    }

    /** The document's msgpack with {@code ohlcv.store_dir} left out: the one field a copy may change. */
    private static byte[] encodeWithoutStoreDir(Bundle bundle) {
        DocMap document = bundle.document();
        if (document.get("ohlcv") instanceof DocMap ohlcv) {
            DocMap rest = new DocMap(ohlcv);
            rest.remove("store_dir");
            document = new DocMap(document);
            document.put("ohlcv", rest);
        }
        return MsgpackEncoder.encode((Map<String, Object>) document);
    }
}
