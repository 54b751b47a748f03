import dev.iafbt.index.SqliteIndex
import dev.iafbt.model.Backtest
import dev.iafbt.store.LocalTieredStore
import java.nio.file.*

// two backtests; then the damage a killed writer and a foreign tool leave: a row removed, a
// partition for a handle without a bundle, a staged temp file of a write that never committed
def store = new LocalTieredStore(basedir.toPath().resolve("store"))
store.write(Backtest.builder("a").build(), "a")
store.write(Backtest.builder("b").build(), "sweep/b")
SqliteIndex.open(store.indexFile()).withCloseable { it.remove(["a"]) }
Path ghost = Files.createDirectories(store.parquetRoot().resolve("portfolio_snapshots/run_id=ghost"))
Files.writeString(ghost.resolve("part-0.parquet"), "a partition nobody owns")
Files.writeString(store.root().resolve("bundles/.c.iafbt.5eed.tmp"), "half a bundle")
return true
