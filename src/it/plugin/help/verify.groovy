// The help goal is generated from the plugin descriptor, so it lists exactly the goals and
// parameters the plugin has; it must not point a user at anything that is not shipped.
String log = new File(basedir, "build.log").text
assert log.contains("This plugin has ")
["iafbt:check", "iafbt:help", "iafbt:index", "iafbt:list", "iafbt:rank"].each { goal ->
    assert log.contains(goal) : "help does not list " + goal
}
// -Ddetail -Dgoal=rank: every rank parameter with its user property
["bundles", "index", "refresh", "by", "focus", "weights", "where", "columns", "ascending", "limit",
 "outputDirectory", "prune", "archive", "dryRun", "skip"].each { name ->
    assert log =~ /(?m)^\s+${name}( \(Default: [^)]*\))?\s*$/ : "help -Ddetail does not list rank's " + name
    assert log.contains("User property: iafbt.${name}") : "no user property shown for " + name
}
assert !(log =~ /index-stores|ecosystem\.md|§/)
return true
