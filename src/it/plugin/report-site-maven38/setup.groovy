// copies the committed sample sweep (written by iafbt itself) into this project's backtests/
import java.nio.file.*

Path target = basedir.toPath().resolve("backtests")
Files.createDirectories(target)
Files.newDirectoryStream(Paths.get(samplesDir), "*.iafbt").withCloseable { files ->
    files.each { Files.copy(it, target.resolve(it.fileName.toString())) }
}
return true
