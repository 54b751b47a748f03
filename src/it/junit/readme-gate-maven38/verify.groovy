def log = new File(basedir, 'build.log').text
assert log.contains('Apache Maven 3.8.7') : 'built by the system Maven 3.8.7'
// Maven 3.8's own Surefire 2.12 would run 0 tests and pass: the pinned 3.x runs one per bundle and rule set
def run = (log =~ /Tests run: (\d+), Failures: (\d+)/)
assert run.find() : 'Surefire reported its tests'
int total = run.group(1) as int
assert total >= 24 : "at least one test per sample bundle, got ${total}"
assert (run.group(2) as int) > 0 : 'the sample sweep misses the README bars'
assert log.contains('sharpe_ratio')
assert log.contains('BUILD FAILURE')
return true
