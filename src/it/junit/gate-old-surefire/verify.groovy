def log = new File(basedir, 'build.log').text
// Surefire 2.12.4 has no JUnit Platform provider: the gate never runs, so nothing in iafbt can
// report it. The documented POM's failIfNoTests is what keeps this build from passing.
assert log.contains('maven-surefire-plugin:2.12.4:test')
assert !log.contains('StrategyGateTest')
assert log.contains('No tests were executed!')
assert log.contains('BUILD FAILURE')
return true
