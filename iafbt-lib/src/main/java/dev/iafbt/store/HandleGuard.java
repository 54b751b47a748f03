package dev.iafbt.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Turns a handle into a path under a store folder, refusing every handle that could reach outside
 * it: empty handles, absolute paths, drive letters, {@code ..} segments, backslashes, and paths
 * whose existing part leads out of the folder through a symbolic link. The reference accepts
 * {@code a/../b} and resolves it; here {@code ..} is refused outright, so a handle always names
 * exactly one place and is listed back under the same spelling.
 */
final class HandleGuard {
    private final Path base;
    private final Path realBase;

    /** @param base the folder every handle must stay in; created if missing */
    HandleGuard(Path base) {
        this.base = base;
        try {
            Files.createDirectories(base);
            this.realBase = base.toRealPath();
        } catch (IOException e) {
            throw new StoreException("cannot create store folder " + base + ": " + e.getMessage(), e);
        }
    }

    /**
     * The path of {@code relative} under the folder.
     *
     * @param handle   the handle as the caller passed it, for the message
     * @param relative the handle's path, already suffixed or stripped as the store wants it
     * @throws StoreException naming the handle and the folder when it would leave the folder
     */
    Path resolve(String handle, String relative) {
        if (!namesOnePlace(relative)) {
            throw outside(handle);
        }
        Path candidate;
        try {
            candidate = base.resolve(relative);
        } catch (InvalidPathException e) {
            throw new StoreException("handle '" + handle + "' is not a valid path: " + e.getMessage(), e);
        }
        requireNoLinkOut(handle, candidate);
        return candidate;
    }

    /**
     * Whether a handle's relative path names exactly one place below a root: not empty, not
     * absolute, no drive letter or backslash, no empty, {@code .} or {@code ..} segment. An object
     * store's keys have no links, so this is its whole check.
     */
    static boolean namesOnePlace(String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\")
                || relative.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Like {@link #resolve}, but {@code null} instead of an exception (for exists and delete). */
    Path resolveOrNull(String handle, String relative) {
        try {
            return resolve(handle, relative);
        } catch (StoreException e) {
            return null;
        }
    }

    /** Follows the longest existing prefix of the path; its real location must stay inside. */
    private void requireNoLinkOut(String handle, Path candidate) {
        Path existing = candidate;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw outside(handle);
        }
        try {
            if (!existing.toRealPath().startsWith(realBase)) {
                throw outside(handle);
            }
        } catch (IOException e) {
            // a dangling link: its target is unknown, so it is not trusted
            throw outside(handle);
        }
    }

    private StoreException outside(String handle) {
        return new StoreException("handle '" + handle + "' resolves outside the store folder " + base
                + " (handles are relative paths without '..', '.', empty segments or links leading out)");
    }
}
