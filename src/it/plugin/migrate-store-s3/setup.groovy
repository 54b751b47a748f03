// the committed sample sweep as the source folder; an S3 protocol server (s3proxy, in this JVM) with
// one bucket; the builds find it through .mvn/maven.config and their keys in the environment
import dev.iafbt.testing.S3Server
import java.nio.file.*

Path target = basedir.toPath().resolve("backtests")
Files.createDirectories(target)
Files.newDirectoryStream(Paths.get(samplesDir), "*.iafbt").withCloseable { files ->
    files.each { Files.copy(it, target.resolve(it.fileName.toString())) }
}
S3Server server = S3Server.start(basedir.toPath().resolve("s3-data"))
server.createBucket("team")
System.getProperties().put("iafbt.it.s3server", server)
Path config = basedir.toPath().resolve(".mvn/maven.config")
Files.createDirectories(config.parent)
Files.writeString(config, "-Diafbt.s3.endpoint=" + server.endpoint() + "\n")
return true
