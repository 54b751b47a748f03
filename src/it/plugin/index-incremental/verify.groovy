String log = new File(basedir, "build.log").text
assert log =~ /\[INFO\] 24 indexed, 0 unchanged, 0 removed, 0 failed in /
assert log =~ /\[INFO\] 0 indexed, 24 unchanged, 0 removed, 0 failed in /
return true
