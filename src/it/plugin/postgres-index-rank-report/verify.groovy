// the driver is on the script's class path, where java.sql.DriverManager does not look
def connect = { String jdbc -> new org.postgresql.Driver().connect(jdbc, new Properties(user: "postgres")) }


def server = System.getProperties().remove("iafbt.it.postgres")
try {
    String log = new File(basedir, "build.log").text
    String url = "jdbc:postgresql://localhost:" + server.port + "/postgres?currentSchema=team"
    assert log.contains("[INFO] 24 indexed, 0 unchanged, 0 removed, 0 failed in ")
    assert log.contains("; index: " + url)
    assert log =~ /\[INFO\] Top 5 of 24 indexed bundle\(s\) by weighted score \(balanced\), descending; index: jdbc:postgresql:/
    assert log.contains("[INFO] Refreshed the index: 0 indexed, 24 unchanged")
    assert log =~ /\[INFO\] Wrote .*report\.html/
    assert !log.contains("it-secret-never-logged")
    assert !log.contains("[WARNING]")
    assert !log.contains("[ERROR]")

    List<String> rank = new File(basedir, "target/iafbt/rank.csv").readLines("UTF-8")
    assert rank.size() == 6
    assert new File(basedir, "target/iafbt/report.html").length() > 10000

    connect(url).withCloseable { c ->
        c.createStatement().withCloseable { st ->
            def rs = st.executeQuery("SELECT tableowner FROM pg_tables WHERE schemaname = 'team' AND tablename = 'backtest_index'")
            assert rs.next() && rs.getString(1) == "it_analyst" // the settings.xml <server> opened it
            rs = st.executeQuery("SELECT COUNT(*) FROM team.backtest_index")
            assert rs.next() && rs.getLong(1) == 24
        }
    }
} finally {
    server?.close()
}
return true
