String log = new File(basedir, "build.log").text
String folder = new File(basedir, "no-such-folder").canonicalPath
assert log.contains("Bundle folder " + folder + " does not exist. Set iafbt.bundles to the folder that holds the .iafbt files")
assert log.contains("BUILD FAILURE")
return true
