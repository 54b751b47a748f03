String log = new File(basedir, "build.log").text
// the POM's <bundles> wins (Maven's rule), and the goal says so instead of ignoring -D silently
assert log.contains("[WARNING] -Diafbt.bundles=elsewhere is ignored: the POM sets <bundles>backtests</bundles> in the"
        + " iafbt plugin's <configuration>, and Maven ranks that above -D. To let -D override it, declare the value as a"
        + " property instead, <properties><iafbt.bundles>backtests</iafbt.bundles></properties>, and remove <bundles>"
        + " from the plugin's <configuration>.")
// a value declared under <properties> is overridden by -D, silently, as it should be
assert !log.contains("-Diafbt.limit")
assert !log.contains("-Diafbt.by")
assert log =~ /\[INFO\] Top 3 of 24 indexed bundle\(s\) by sharpe_ratio, descending/
assert log.contains("BUILD SUCCESS")
return true
