// two sample bundles: one refreshed by iafbt:recompute first, one left as the sample stores it (stale)
import java.nio.file.*

Path target = basedir.toPath().resolve("backtests")
Files.createDirectories(target.resolve("refreshed"))
Files.createDirectories(target.resolve("stale"))
List<Path> samples = []
Files.newDirectoryStream(Paths.get(samplesDir), "*.iafbt").withCloseable { files -> files.each { samples << it } }
samples.sort()
Files.copy(samples[0], target.resolve("refreshed").resolve(samples[0].fileName.toString()))
Files.copy(samples[1], target.resolve("stale").resolve(samples[1].fileName.toString()))
return true
