package dev.iafbt.internal.io;

import java.nio.file.Path;

/** Child process of {@link FolderLockTest}: holds a folder's lock shared until it is killed. */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        FolderLock.Held held = FolderLock.shared(Path.of(args[0]));
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(120_000);
        held.close();
    }
}
