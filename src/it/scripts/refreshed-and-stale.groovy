// Two sample bundles for the metrics-audit builds: backtests/refreshed/ (the pom's recompute
// execution refreshes it first) and backtests/stale/ (left as the sample stores it: older metrics).
import java.nio.file.*

class RefreshedAndStale {
    static void copy(Path basedir, String samplesDir) {
        Path target = basedir.resolve("backtests")
        Files.createDirectories(target.resolve("refreshed"))
        Files.createDirectories(target.resolve("stale"))
        List<Path> samples = []
        Files.newDirectoryStream(Paths.get(samplesDir), "*.iafbt").withCloseable { files -> files.each { samples << it } }
        samples.sort()
        Files.copy(samples[0], target.resolve("refreshed").resolve(samples[0].fileName.toString()))
        Files.copy(samples[1], target.resolve("stale").resolve(samples[1].fileName.toString()))
    }
}
