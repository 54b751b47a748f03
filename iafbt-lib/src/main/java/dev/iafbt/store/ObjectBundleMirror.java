package dev.iafbt.store;

import dev.iafbt.internal.io.AtomicFiles;
import dev.iafbt.store.object.ObjectInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps a local folder holding a copy of every bundle of an s3-tiered store
 * ({@code <folder>/<handle>.iafbt}), for tools that read files (the {@code check} goal's rules and
 * byte-identical round trip need whole bundles anyway). Incremental: a copy with its object's size
 * and time is not fetched again; copies of handles the store no longer has are removed. The
 * folder is the mirror's own: nothing else should be kept in it.
 */
public final class ObjectBundleMirror {
    /**
     * @param fetched   bundles downloaded
     * @param unchanged bundles whose copy was up to date
     * @param removed   copies removed (their handle is gone)
     * @param bytes     bytes downloaded
     */
    public record Result(int fetched, int unchanged, int removed, long bytes) {
    }

    private ObjectBundleMirror() {
    }

    public static Result sync(ObjectTieredStore store, Path folder) {
        List<ObjectInfo> bundles = store.bundleObjects();
        Set<Path> kept = new HashSet<>();
        int fetched = 0;
        long bytes = 0;
        for (ObjectInfo bundle : bundles) {
            Path copy = folder.resolve(bundle.key().substring(ObjectTieredStore.BUNDLES.length())).normalize();
            kept.add(copy);
            FileTime time = FileTime.from(bundle.lastModified());
            try {
                if (Files.isRegularFile(copy) && Files.size(copy) == bundle.size()
                        && Files.getLastModifiedTime(copy).equals(time)) {
                    continue;
                }
                byte[] body = store.storage().get(bundle.key()).orElse(null);
                if (body == null) {
                    continue; // deleted since the listing
                }
                AtomicFiles.write(copy, body);
                Files.setLastModifiedTime(copy, time);
                fetched++;
                bytes += body.length;
            } catch (IOException e) {
                throw new StoreException("cannot copy " + store.storage().uri(bundle.key()) + " to " + copy + ": "
                        + e.getMessage(), e);
            }
        }
        int removed = 0;
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(StoreFiles.BUNDLE_SUFFIX)
                        && Files.isRegularFile(f) && !kept.contains(f.normalize())).toList()) {
                    Files.delete(file);
                    removed++;
                }
            } catch (IOException e) {
                throw new StoreException("cannot tidy " + folder + ": " + e.getMessage(), e);
            }
        }
        return new Result(fetched, bundles.size() - fetched, removed, bytes);
    }
}
