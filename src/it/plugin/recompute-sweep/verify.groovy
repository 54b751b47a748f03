import dev.iafbt.model.Backtest
import dev.iafbt.recompute.MetricsAudit
import java.nio.file.*

String log = new File(basedir, "build.log").text
assert log =~ /\[INFO\] 24 recomputed, 0 up to date, 1 failed in /
assert log =~ /\[INFO\] 0 recomputed, 24 up to date, 1 failed in /
assert log =~ /\[ERROR\] Cannot recompute .*broken\.iafbt/
assert log =~ /\[INFO\]   25\/25 bundles/
// in place, the originals are stale still: recomputed again (the first run's line plus this one)
assert (log =~ /\[INFO\] 24 recomputed, 0 up to date, 1 failed in /).count == 2

Path out = basedir.toPath().resolve("target/iafbt/recomputed")
Path nested = Files.list(out.resolve("nested")).findFirst().get()
assert MetricsAudit.audit(Backtest.open(nested), 0.0).isEmpty()
Files.newDirectoryStream(basedir.toPath().resolve("backtests"), "*.iafbt").withCloseable { files ->
    files.each { if (!it.fileName.toString().equals("broken.iafbt")) assert MetricsAudit.audit(Backtest.open(it), 0.0).isEmpty() }
}
return true
