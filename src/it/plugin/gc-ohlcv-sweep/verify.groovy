import dev.iafbt.ohlcv.OhlcvStore
import java.nio.file.*

String log = new File(basedir, "build.log").text
Path root = basedir.toPath().resolve("store").toRealPath()
OhlcvStore chunks = new OhlcvStore(root.resolve("ohlcv"))
assert log.contains("[INFO] Collecting unreferenced OHLCV chunks in " + root + " (grace period 24h, dry run")
assert log =~ /\[INFO\] 2 bundles, 3 chunks stored \([\d,]+ bytes\), 1 referenced, 2 orphaned \(1 within the grace period\), 0 missing, 0 unreadable bundles; dry run: would delete 1 chunks \([\d,]+ bytes\) and 1 stale temp files/
assert log =~ /\[INFO\] 2 bundles, 3 chunks stored \([\d,]+ bytes\), 1 referenced, 2 orphaned \(1 within the grace period\), 0 missing, 0 unreadable bundles; deleted 1 chunks \([\d,]+ bytes\) and 1 stale temp files/
assert !log.contains("[WARNING]") && !log.contains("[ERROR]")
// after the real sweep: the referenced chunk and the young orphan stay, the old orphan and the temp file are gone
assert chunks.list().size() == 2
List<Path> temps = Files.list(chunks.dir()).withCloseable { s -> s.filter { it.toString().endsWith(".tmp") }.toList() }
assert temps.isEmpty()
return true
