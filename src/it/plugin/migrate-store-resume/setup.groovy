// the committed sample sweep (written by iafbt itself) as the source folder, plus one broken bundle
import java.nio.file.*

Path target = basedir.toPath().resolve("backtests")
Files.createDirectories(target)
Files.newDirectoryStream(Paths.get(samplesDir), "*.iafbt").withCloseable { files ->
    files.each { Files.copy(it, target.resolve(it.fileName.toString())) }
}
Files.writeString(target.resolve("zz-broken.iafbt"), "this is not a bundle")
return true
