import dev.iafbt.store.LocalTieredStore
import java.nio.file.*

String log = new File(basedir, "build.log").text
Path root = basedir.toPath().resolve("store").toRealPath()
// run 1 reports all three and fails; run 2 repairs them; run 3 finds nothing
assert log.contains("[WARNING] MISSING_INDEX_ROW 'a': bundle without an index row")
assert log.contains("[WARNING] ORPHAN_PARTITION 'ghost': Tier-2 partition without a bundle")
assert log.contains("[WARNING] TEMP_FILE: temp file of a write that did not finish")
assert log.contains("3 problem(s) in " + root + " (see above); 3 can be fixed with -Diafbt.repair=true")
assert log.contains("[INFO] Repaired MISSING_INDEX_ROW 'a'")
assert log.contains("[INFO] consistent; repaired 3 in " + root)
assert log.contains("[INFO] consistent in " + root)
// run 4: index on the store's bundles is refused, naming iafbt.store; no second row
assert log.contains(root.toString() + " is a tiered store (iafbt.store)")
def store = new LocalTieredStore(root)
assert store.indexRows()*.bundlePath().sort() == ["a", "sweep/b"]
assert store.verify().consistent()
assert !Files.exists(root.resolve("parquet/portfolio_snapshots/run_id=ghost"))
assert !Files.exists(root.resolve("bundles/index.sqlite"))
return true
