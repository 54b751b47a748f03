// two copies of the sweep; the index beside backtests/ was built over elsewhere/ with absolute paths
// (as when an index is copied along with a moved folder)
import dev.iafbt.index.Indexer
import java.nio.file.*

Path backtests = basedir.toPath().resolve("backtests")
Path elsewhere = basedir.toPath().resolve("elsewhere")
[backtests, elsewhere].each { target ->
    Files.createDirectories(target)
    Files.newDirectoryStream(Paths.get(samplesDir), "*.iafbt").withCloseable { files ->
        files.each { Files.copy(it, target.resolve(it.fileName.toString())) }
    }
}
Indexer.builder(elsewhere).output(backtests.resolve("index.sqlite")).absolutePaths(true).build().run()
return true
