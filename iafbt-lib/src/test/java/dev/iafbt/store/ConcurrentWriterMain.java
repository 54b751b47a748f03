package dev.iafbt.store;

import dev.iafbt.ohlcv.OhlcvStore;
import java.nio.file.Path;

/**
 * Child process of {@link ConcurrentStoreTest}: writes {@code count} backtests named
 * {@code <prefix>-<i>} into a tiered store, each with an OHLCV frame put just before its bundle;
 * frame {@code i} is the same in every writer, so writers also race on shared chunks.
 */
public final class ConcurrentWriterMain {
    private ConcurrentWriterMain() {
    }

    public static void main(String[] args) {
        LocalTieredStore store = new LocalTieredStore(Path.of(args[0]));
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        // with a staging folder, each write brings its chunk in the same call (the pattern for grace 0)
        Path staging = args.length > 3 ? Path.of(args[3]) : null;
        for (int i = 0; i < count; i++) {
            String chunk = (staging != null ? new OhlcvStore(staging) : store.ohlcvStore())
                    .put(StoreFixtures.frame(i), false);
            store.write(StoreFixtures.builder(prefix + "-" + i).ohlcv("BTC/EUR:1h", chunk).build(), prefix + "-" + i,
                    staging);
        }
    }
}
