import dev.iafbt.ohlcv.OhlcvStore
import java.nio.file.*

String log = new File(basedir, "build.log").text
Path root = basedir.toPath().resolve("store").toRealPath()
Path broken = root.resolve("bundles/sweep/b.iafbt")
assert log.contains("[ERROR] Cannot read bundle " + broken + ": truncated or corrupt zstd frame")
assert log.contains("[ERROR] Refusing to delete anything: the chunks those bundles reference are unknown.")
assert log.contains("1 unreadable bundles; deleted nothing (unreadable bundles)")
assert log.contains("1 unreadable bundle(s), so nothing was deleted (see the errors above). Fix or remove the bundles")
assert log.contains("[WARNING] 1 unreadable bundle(s), so nothing was deleted. Set -Diafbt.failOnError=true")
// nothing deleted: all three chunks and the stale temp file are still there
OhlcvStore chunks = new OhlcvStore(root.resolve("ohlcv"))
assert chunks.list().size() == 3
assert Files.list(chunks.dir()).withCloseable { s -> s.filter { it.toString().endsWith(".tmp") }.count() } == 1
return true
