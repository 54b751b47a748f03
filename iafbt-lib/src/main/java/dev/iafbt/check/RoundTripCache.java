package dev.iafbt.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers round-trip results by the SHA-256 of the file's bytes, so the same bytes are
 * re-encoded (zstd level 19 costs about half a second per MB) at most once: once per JVM for any
 * result, shared by every check in it, and once ever for a verified (byte-identical) result when a
 * directory is given, e.g. {@code target/iafbt/roundtrip-cache}. Entries there are keyed by the
 * iafbt version too, because a new encoder must prove itself again. Only passes are written to
 * disk: a failure fails the build and is worth recomputing with its full explanation.
 */
public final class RoundTripCache {
    /** The usual place of the verified results, relative to a project's base directory. */
    public static final String DEFAULT_DIRECTORY = "target/iafbt/roundtrip-cache";

    // JVM-wide, so two gates over the same bundles (or two executions of a goal) share the work
    private static final Map<String, CompletableFuture<Optional<String>>> MEMORY = new ConcurrentHashMap<>();
    private static final String VERSION = readVersion();

    private final Path directory;

    private RoundTripCache(Path directory) {
        this.directory = directory;
    }

    /** Results shared within this JVM only. */
    public static RoundTripCache inMemory() {
        return new RoundTripCache(null);
    }

    /** Results shared within this JVM, and verified results remembered in {@code directory} across runs. */
    public static RoundTripCache in(Path directory) {
        return new RoundTripCache(directory.toAbsolutePath().normalize());
    }

    /** Where verified results of this iafbt version are kept; empty for {@link #inMemory()}. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory).map(dir -> dir.resolve(VERSION));
    }

    /** The key of a file's content. */
    static String hash(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The remembered difference (empty = identical) of these bytes, if any check already finished them. */
    Optional<Optional<String>> known(String hash) {
        CompletableFuture<Optional<String>> done = MEMORY.get(hash);
        if (done != null && done.isDone() && !done.isCompletedExceptionally()) {
            Optional<String> difference = done.join();
            if (difference.isEmpty()) {
                remember(hash); // verified for another check of this JVM, perhaps one with another folder or none
            }
            return Optional.of(difference);
        }
        if (directory().map(dir -> Files.exists(dir.resolve(hash))).orElse(false)) {
            MEMORY.putIfAbsent(hash, CompletableFuture.completedFuture(Optional.empty()));
            return Optional.of(Optional.empty());
        }
        return Optional.empty();
    }

    /**
     * The difference of these bytes, computed by {@code reencode} only if no other check has done
     * (or is doing) it: a second caller waits for the first instead of re-encoding too.
     */
    Optional<String> verify(String hash, Supplier<Optional<String>> reencode) {
        CompletableFuture<Optional<String>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<String>> existing = MEMORY.putIfAbsent(hash, mine);
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            Optional<String> difference = reencode.get();
            if (difference.isEmpty()) {
                remember(hash);
            }
            mine.complete(difference);
            return difference;
        } catch (RuntimeException | Error e) {
            MEMORY.remove(hash, mine); // an error is not a result: let the next caller try and report it
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private void remember(String hash) {
        directory().ifPresent(dir -> {
            try {
                Files.createDirectories(dir);
                Files.createFile(dir.resolve(hash));
            } catch (FileAlreadyExistsException alreadyKnown) {
                // another check (or another fork) recorded it first
            } catch (IOException e) {
                // the cache only saves time; an unwritable target/ must not fail a correct bundle
            }
        });
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = RoundTripCache.class.getResourceAsStream("/dev/iafbt/iafbt.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the iafbt version from its jar: " + e.getMessage(), e);
        }
        return properties.getProperty("version", "unknown").replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
