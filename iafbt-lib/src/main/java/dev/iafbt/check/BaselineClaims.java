package dev.iafbt.check;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which check rewrote which baseline file in this JVM. Two updates of one file by checks over
 * different bundles in one run would leave only the last one's entries; the second is refused.
 */
final class BaselineClaims {
    private static final Map<Path, String> OWNERS = new ConcurrentHashMap<>();

    private BaselineClaims() {
    }

    /** Claims {@code file} for the check over {@code patterns}; returns the other owner when it is taken. */
    static Optional<String> claim(Path file, String patterns) {
        String owner = OWNERS.putIfAbsent(file.toAbsolutePath().normalize(), patterns);
        return owner == null || owner.equals(patterns) ? Optional.empty() : Optional.of(owner);
    }
}
