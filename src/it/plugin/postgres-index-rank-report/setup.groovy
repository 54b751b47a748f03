// the sample sweep into backtests/, a real PostgreSQL server (embedded binaries, started here in
// the invoker's JVM so that it outlives the build), a role of its own, and the URL for the build
import java.nio.file.*

// the driver is on the script's class path, where java.sql.DriverManager does not look
def connect = { String jdbc -> new org.postgresql.Driver().connect(jdbc, new Properties(user: "postgres")) }

Path target = basedir.toPath().resolve("backtests")
Files.createDirectories(target)
Files.newDirectoryStream(Paths.get(samplesDir), "*.iafbt").withCloseable { files ->
    files.each { Files.copy(it, target.resolve(it.fileName.toString())) }
}

def server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start()
System.getProperties().put("iafbt.it.postgres", server) // verify.groovy stops it
String base = "jdbc:postgresql://localhost:" + server.port + "/postgres"
connect(base).withCloseable { c ->
    c.createStatement().withCloseable { st ->
        st.execute("CREATE ROLE it_analyst LOGIN PASSWORD 'it-secret-never-logged'")
        st.execute("GRANT CREATE ON DATABASE postgres TO it_analyst")
    }
}
new File(basedir, "pg.properties").text = "iafbt.index=" + base + "?currentSchema=team\n"
return true
