import dev.iafbt.store.LocalTieredStore
import java.nio.file.*

String log = new File(basedir, "build.log").text
Path src = basedir.toPath().resolve("backtests").toRealPath()
Path dst = basedir.toPath().resolve("store").toRealPath()
String route = "from local-dir:" + src + " to local-tiered:" + dst
assert log.contains("[INFO] Migrating 1 backtest(s) " + route)
assert log =~ /\[INFO\] Migrated 1 backtest\(s\) \Q${route}\E; 0 unchanged, 0 missing, 0 failed in \d+\.\d\d s/
assert log =~ /\[INFO\] Migrated 23 backtest\(s\) \Q${route}\E; 1 unchanged, 0 missing, 1 failed in \d+\.\d\d s/
assert log =~ /\[INFO\] Migrated 0 backtest\(s\) \Q${route}\E; 24 unchanged, 0 missing, 1 failed in \d+\.\d\d s/
assert log.contains("[ERROR] Could not migrate 'zz-broken.iafbt': ")
assert log.contains("[WARNING] 1 backtest(s) could not be migrated (see the errors above). Set -Diafbt.failOnError=true")
assert log.contains("1 backtest(s) could not be migrated (see the errors above). Fix or remove them and run the same command again")
def store = new LocalTieredStore(dst)
assert store.size() == 24
assert store.indexRows().size() == 24
assert store.handles().first() == "sma-crossover-f05-s050-sl2"
assert Files.isDirectory(dst.resolve("parquet/portfolio_snapshots/run_id=sma-crossover-f05-s050-sl2"))
return true
