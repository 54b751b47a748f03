// shared by the gc-ohlcv ITs: a tiered store written by iafbt with chunks of known ages
import dev.iafbt.model.Backtest
import dev.iafbt.ohlcv.OhlcvFrame
import dev.iafbt.store.LocalTieredStore
import java.nio.file.*
import java.nio.file.attribute.FileTime
import java.time.*

class GcStore {
    static OhlcvFrame frame(double base) {
        long[] ts = [0L, 3_600_000L] as long[]
        double[] v = [base, base + 1] as double[]
        return OhlcvFrame.ofEpochMillis(ts, v, v, v, v, v)
    }

    static void age(Path file, Duration by) {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(by)))
    }

    /** Returns [store, referenced, oldOrphan, youngOrphan, staleTemp]. */
    static List create(Path root) {
        def store = new LocalTieredStore(root)
        def chunks = store.ohlcvStore()
        String referenced = chunks.put(frame(100), false)
        String oldOrphan = chunks.put(frame(200), false)
        store.write(Backtest.builder("a").ohlcv("BTC/EUR@1h", referenced).build(), "a")
        store.write(Backtest.builder("b").ohlcv("BTC/EUR@1h", referenced).build(), "sweep/b")
        store.write(Backtest.builder("c").ohlcv("ETH/EUR@1h", oldOrphan).build(), "c")
        store.delete("c")
        Path staleTemp = chunks.dir().resolve("." + oldOrphan + ".5eed.tmp")
        Files.writeString(staleTemp, "left by a crashed writer")
        chunks.list().each { age(chunks.pathOf(it), Duration.ofDays(3)) }
        age(staleTemp, Duration.ofDays(3))
        String youngOrphan = chunks.put(frame(300), false) // a writer's chunk whose bundle is not saved yet
        return [store, referenced, oldOrphan, youngOrphan, staleTemp]
    }
}
