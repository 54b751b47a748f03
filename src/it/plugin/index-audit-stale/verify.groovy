String log = new File(basedir, "build.log").text
assert log =~ /\[INFO\] Metrics audit: 2 bundle\(s\) audited \(1 stale, 0 could not be audited\), 0 unchanged since their audit/
assert log.contains("[WARNING] 1 bundle(s) store metrics that differ from a fresh recomputation")
// list and rank (which refresh the index first, without an audit) show the flags recorded beside the index
for (String goal : ["list", "rank"]) {
    List<String> csv = new File(basedir, "target/iafbt/" + goal + ".csv").readLines("UTF-8")
    assert csv[0].endsWith(",bundle_path,stale") : csv[0]
    assert csv.size() == 3
    assert csv.find { it.contains("refreshed/") }.endsWith(",false")
    assert csv.find { it.contains("stale/") }.endsWith(",true")
}
// the reference's table is column for column what it was (68 columns, no stale column); the audits are beside it
dev.iafbt.index.SqliteIndex.openReadOnly(new File(basedir, "backtests/index.sqlite").toPath()).withCloseable { idx ->
    assert idx.columns().size() == 68 && !idx.columns().contains("stale")
    assert idx.selectReadOnly("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", [])*.name ==
            ["backtest_index", "iafbt_metrics_audit"]
    assert idx.metricsAudits().size() == 2
}
return true
