package dev.iafbt.store;

import java.nio.file.Path;

/**
 * The program {@link TieredStoreCrashTest} runs in a child JVM: writes the new version of
 * {@code h} (or deletes it) and halts the JVM the moment the protocol reaches the given step,
 * exactly as {@code kill -9} would stop it there (no finally block, no shutdown hook runs; the
 * OS drops its locks). Exit status 137 says it died at the step.
 */
public final class TieredCrashChild {
    static final int KILLED = 137;

    private TieredCrashChild() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        String mode = args[1];
        String killAt = args[2];
        LocalTieredStore store = new LocalTieredStore(root, step -> {
            if (step.equals(killAt)) {
                Runtime.getRuntime().halt(KILLED);
            }
        });
        if (mode.equals("write")) {
            store.write(TieredStoreCrashTest.newVersion(store), "h");
        } else {
            store.delete("h");
        }
    }
}
