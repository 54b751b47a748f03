package dev.iafbt.internal.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Child process of {@link OrphanTempsTest}: ages a temp file past the sweep's grace period, then
 * sweeps the target's temp files as another process would; prints how many it removed. The ageing
 * happens here because the JDK sets a file's time through a descriptor it then closes, which in
 * the writer's process would itself drop the writer's lock.
 */
public final class OrphanSweepMain {
    private OrphanSweepMain() {
    }

    public static void main(String[] args) throws Exception {
        Files.setLastModifiedTime(Path.of(args[1]), FileTime.from(Instant.now().minusSeconds(60)));
        System.out.println("removed " + OrphanTemps.removeFor(Path.of(args[0])).size());
        System.out.flush();
    }
}
