// work/ holds only the sample sweep (written by iafbt itself) in backtests/, and no pom.xml
import java.nio.file.*

Path target = basedir.toPath().resolve("work/backtests")
Files.createDirectories(target)
Files.newDirectoryStream(Paths.get(samplesDir), "*.iafbt").withCloseable { files ->
    files.each { Files.copy(it, target.resolve(it.fileName.toString())) }
}
return true
