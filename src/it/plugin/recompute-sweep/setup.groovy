// copies the committed sample sweep into backtests/, one of them into a subfolder, plus a broken bundle
import java.nio.file.*

Path target = basedir.toPath().resolve("backtests")
Files.createDirectories(target.resolve("nested"))
boolean first = true
Files.newDirectoryStream(Paths.get(samplesDir), "*.iafbt").withCloseable { files ->
    files.sort().each {
        Files.copy(it, (first ? target.resolve("nested") : target).resolve(it.fileName.toString()))
        first = false
    }
}
Files.writeString(target.resolve("broken.iafbt"), "not a bundle")
return true
