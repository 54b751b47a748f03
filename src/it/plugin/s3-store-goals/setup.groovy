// the committed sample sweep, saved summary-first and uploaded by a plain S3 client (as `aws s3 cp`
// would) under s3://team/sweep/bundles/ of an S3 protocol server (s3proxy, in this JVM); a real
// PostgreSQL for Tier 1 (embedded binaries); the builds find both through .mvn/maven.config
import dev.iafbt.model.Backtest
import dev.iafbt.model.SaveOptions
import dev.iafbt.testing.S3Server
import java.nio.file.*
import software.amazon.awssdk.core.sync.RequestBody

def connect = { String jdbc -> new org.postgresql.Driver().connect(jdbc, new Properties(user: "postgres")) }

S3Server server = S3Server.start(basedir.toPath().resolve("s3-data"))
server.createBucket("team")
// a key of its own: invoker builds run side by side in one JVM, and migrate-store-s3 keeps its server too
System.getProperties().put("iafbt.it.s3server.s3-store-goals", server)
server.client().withCloseable { client ->
    Files.newDirectoryStream(Paths.get(samplesDir), "*.iafbt").withCloseable { files ->
        files.each { f ->
            byte[] first = Backtest.open(f).toBytes(SaveOptions.DEFAULT.withSummaryFirst(true))
            client.putObject({ b -> b.bucket("team").key("sweep/bundles/" + f.fileName) } as java.util.function.Consumer,
                    RequestBody.fromBytes(first))
        }
    }
}

def pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start()
System.getProperties().put("iafbt.it.s3postgres", pg) // verify.groovy stops it
String base = "jdbc:postgresql://localhost:" + pg.port + "/postgres"
connect(base).withCloseable { c ->
    c.createStatement().withCloseable { st ->
        st.execute("CREATE ROLE it_analyst LOGIN PASSWORD 'it-secret-never-logged'")
        st.execute("GRANT CREATE ON DATABASE postgres TO it_analyst")
    }
}
Path config = basedir.toPath().resolve(".mvn/maven.config")
Files.createDirectories(config.parent)
Files.writeString(config, "-Diafbt.s3.endpoint=" + server.endpoint() + "\n-Diafbt.index=" + base + "?currentSchema=team\n")
return true
