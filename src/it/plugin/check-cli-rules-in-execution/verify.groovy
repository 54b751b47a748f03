String log = new File(basedir, "build.log").text
assert log =~ /\[INFO\] --- iafbt:[^:]+:check \(default-cli\) @ check-cli-rules-in-execution ---/
assert log.contains("iafbt:check has no rule to check: this run sees no <rules>, no <baseline> and no <metricsUpToDate>")
assert log.contains("The POM declares them inside <execution> default, which only that execution sees (mvn verify),"
        + " not mvn iafbt:check on the command line.")
assert !log.contains("meet the rules")
assert log.contains("BUILD FAILURE")
return true
